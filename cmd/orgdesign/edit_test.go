package main

import "testing"

// TestEditLang: --lang wins; else the locale's language when it is French
// or English (LC_ALL before LC_MESSAGES before LANG, the first one set
// deciding); else French.
func TestEditLang(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"en", map[string]string{"LANG": "fr_FR.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "en_GB.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "fr_MA.UTF-8"}, "fr"},
		{"", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"},
		{"", map[string]string{"LC_MESSAGES": "fr_FR", "LANG": "en_US.UTF-8"}, "fr"},
		{"", map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "fr"}, // LC_ALL set decides: not a language of ours
		{"", map[string]string{"LANG": "C.UTF-8"}, "fr"},
		{"", map[string]string{"LANG": "ar_MA.UTF-8"}, "fr"},
		{"", nil, "fr"},
	} {
		got, err := editLang(c.flag, func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("--lang %q, %v: %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if _, err := editLang("de", func(string) string { return "" }); err == nil {
		t.Error("--lang de accepted")
	}
}
