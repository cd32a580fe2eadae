package tui

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/internal/textfmt"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/templates"
)

// words are the editor's words in one language. They live in the report's
// one store (templates/i18n/{fr,en}.yaml), in the section `editor`; the
// values of closed lists (risk levels) and the diagnostics' sentences come
// from the store's sections the report uses.
type words struct {
	lang string
	s    templates.Strings
	num  textfmt.Style
}

// newWords loads a language: fr or en; empty is English.
func newWords(lang string) (words, error) {
	if lang == "" {
		lang = "en"
	}
	s, err := templates.LoadStrings(lang)
	if err != nil {
		return words{}, err
	}
	return words{lang: lang, s: s, num: textfmt.For(lang)}, nil
}

// LangFromEnv is the language the locale asks for: the first of LC_ALL,
// LC_MESSAGES and LANG that is set, when it is French or English ("fr_FR.UTF-8"
// is fr); "" otherwise (the caller's default).
func LangFromEnv(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := getenv(v)
		if loc == "" {
			continue
		}
		code, _, _ := strings.Cut(strings.ToLower(loc), "_")
		code, _, _ = strings.Cut(code, ".")
		if slices.Contains(templates.Languages(), code) {
			return code
		}
		return "" // set to another language, or C: the first one set decides
	}
	return ""
}

// say returns the sentence key of the section editor, its {1}, {2}… filled
// with args. A key missing from the store shows as itself (the tests check
// that every key the code names exists in both languages).
func (w words) say(key string, args ...any) string {
	v, ok := w.s.Get("editor", key)
	if !ok {
		return key
	}
	return fill(v, args)
}

// count returns the sentence key for n things: the form key+"One" when n
// is singular in the language (1 in English, 0 and 1 in French), key
// otherwise. {1} is n, written as the language writes numbers; args fill
// {2}, {3}…
func (w words) count(key string, n int, args ...any) string {
	if n == 1 || (w.lang == "fr" && n == 0) {
		key += "One"
	}
	return w.say(key, append([]any{w.num.Int(n)}, args...)...)
}

// enum returns a value of a closed list in the language (riskLevel,
// riskCategory…), or the value itself.
func (w words) enum(section, value string) string {
	if v, ok := w.s.Get(section, value); ok {
		return v
	}
	return value
}

// diag returns a diagnostic's message and hint in the language, when the
// store has them; else as the loader wrote them (in English).
func (w words) diag(d *model.Diagnostic) (msg, hint string) {
	msg, hint = d.Message, d.Hint
	if v, ok := w.s.Get("diagnosticMessage", d.Say.Key); ok && d.Say.Key != "" {
		msg = strings.NewReplacer("{1}", d.Say.Args[0], "{2}", d.Say.Args[1], "{3}", d.Say.Args[2]).Replace(v)
	}
	if hw := d.HintWords(); hw.Key != "" {
		if v, ok := w.s.Get("diagnosticHint", hw.Key); ok {
			hint = strings.NewReplacer("{1}", hw.Args[0], "{2}", hw.Args[1], "{3}", hw.Args[2]).Replace(v)
		}
	}
	return msg, hint
}

// fill replaces {1}, {2}… in s with the arguments.
func fill(s string, args []any) string {
	if !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		pairs = append(pairs, fmt.Sprintf("{%d}", i+1), fmt.Sprint(a))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// say is the model's words (m.w.say).
func (m *Model) say(key string, args ...any) string { return m.w.say(key, args...) }

// severity names a diagnostic's severity in the language.
func (w words) severity(s model.Severity) string {
	switch s {
	case model.Error:
		return w.say("sevError")
	case model.Warning:
		return w.say("sevWarning")
	}
	return w.say("sevInfo")
}
