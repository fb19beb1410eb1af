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

/* The native editline API, whose setters are variadic: one fixed-argument wrapper per use. */
typedef char *(*CEditLine_prompt_fn)(EditLine *);

/* stdio's streams are mutable globals, which Swift 6 will not touch. */
static inline EditLine *CEditLine_initStandard(const char *program) { return el_init(program, stdin, stdout, stderr); }
static inline void CEditLine_writeOut(const char *text) { fputs(text, stdout); fflush(stdout); }
typedef unsigned char (*CEditLine_command_fn)(EditLine *, int);

static inline void CEditLine_setPrompt(EditLine *el, CEditLine_prompt_fn fn) { el_set(el, EL_PROMPT, fn); }
static inline void CEditLine_setEditor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }
static inline void CEditLine_setSignalHandling(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }
/* The terminal generates no signals while the editor owns it: ^C reaches the editor as a key we bind.
   Both of libedit's modes get -isig: edit mode (-d), and the cooked mode it restores between lines (-x),
   because libedit flushes the prompt before it switches to edit mode, and a ^C typed in that moment would
   otherwise raise SIGINT. The terminal is then set to the cooked mode once, so the first prompt is covered
   too; el_end restores the settings the terminal had before. */
static inline void CEditLine_disableSignalKeys(EditLine *el) {
    el_set(el, EL_SETTY, "-d", "-isig", NULL);
    el_set(el, EL_SETTY, "-x", "-isig", NULL);
    el_set(el, EL_PREP_TERM, 1);
    el_set(el, EL_PREP_TERM, 0);
}
static inline void CEditLine_addFunction(EditLine *el, const char *name, const char *help, CEditLine_command_fn fn) {
    el_set(el, EL_ADDFN, name, help, fn);
}
static inline void CEditLine_bind(EditLine *el, const char *key, const char *name) {
    el_set(el, EL_BIND, key, name, NULL);
}
static inline void CEditLine_setClientData(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }
static inline void *CEditLine_clientData(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline void CEditLine_useHistory(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }
static inline int CEditLine_historySetSize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int CEditLine_historySetUnique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}
static inline int CEditLine_historyEnter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int CEditLine_historyLoad(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int CEditLine_historySave(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

/* Column width of a character, as libedit measures it: glibc declares wcwidth only under _XOPEN_SOURCE. */
#include <wchar.h>
#include <locale.h>
extern int wcwidth(wchar_t c);
static inline int CEditLine_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
