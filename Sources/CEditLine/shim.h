#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>

/* Swift 6 cannot touch libedit's mutable globals or call its variadic functions: small accessors. */

typedef char **(*CEditLine_completion_fn)(const char *, int, int);
typedef char *(*CEditLine_generator_fn)(const char *, int);

static inline void CEditLine_setCompletion(CEditLine_completion_fn fn) {
    rl_attempted_completion_function = fn;
}
static inline void CEditLine_setAttemptedCompletionOver(int over) { rl_attempted_completion_over = over; }
static inline char **CEditLine_completionMatches(const char *text, CEditLine_generator_fn gen) {
    return rl_completion_matches(text, gen);
}
static inline void CEditLine_setReadlineName(const char *name) { rl_readline_name = name; }
static inline void CEditLine_setBasicWordBreakCharacters(const char *chars) {
    rl_basic_word_break_characters = (char *)chars;
}
static inline const char *CEditLine_lineBuffer(void) { return rl_line_buffer; }
static inline int CEditLine_point(void) { return rl_point; }
static inline void CEditLine_setInstream(FILE *f) { rl_instream = f; }
static inline void CEditLine_setOutstream(FILE *f) { rl_outstream = f; }
static inline void CEditLine_setCatchSignals(int on) { rl_catch_signals = on; }
static inline int CEditLine_historyLength(void) { return history_length; }

/* Column width of a character, as libedit measures it: glibc declares wcwidth only under _XOPEN_SOURCE. */
#include <wchar.h>
#include <locale.h>
extern int wcwidth(wchar_t c);
static inline int CEditLine_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
