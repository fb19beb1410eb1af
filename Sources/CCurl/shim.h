#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
/*
 * libcurl, loaded on first use with dlopen("libcurl.so.4") instead of linked.
 *
 * Linking libcurl (directly, or through Foundation's URLSession) makes every start of the static ipm
 * binary load libcurl and its ~30 dependencies, about 5 ms, whether it fetches anything or not. Loading
 * it when a URL is first fetched keeps ipm self-contained and fast; fetching then needs the libcurl4
 * package, as URLSession would. Only the handful of easy-interface functions the feed fetcher uses are
 * resolved. Option and info numbers are libcurl's stable ABI values (curl/curl.h: CURLOPTTYPE_LONG 0,
 * OBJECTPOINT 10000, FUNCTIONPOINT 20000; CURLINFO_LONG 0x200000).
 * Variadic curl_easy_setopt/getinfo are wrapped in typed functions, as Swift cannot call them.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

typedef size_t (*CCurl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*CCurl_progress_callback)(void *context, int64_t download_total, int64_t downloaded,
                                       int64_t upload_total, int64_t uploaded);

typedef struct {
    void *(*easy_init)(void);
    int (*easy_setopt)(void *handle, int option, ...);
    int (*easy_perform)(void *handle);
    int (*easy_getinfo)(void *handle, int info, ...);
    void (*easy_cleanup)(void *handle);
    const char *(*easy_strerror)(int code);
    void *(*slist_append)(void *list, const char *text);
    void (*slist_free_all)(void *list);
    int (*global_init)(long flags);
    int loaded;
} CCurl_API;

/* The one loaded API (a function-local static, which Swift's importer emits with the function). */
static inline CCurl_API *CCurl_shared(void) {
    static CCurl_API shared;
    return &shared;
}

static inline void CCurl_load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    CCurl_API api = {0};
    *(void **)&api.easy_init = dlsym(library, "curl_easy_init");
    *(void **)&api.easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&api.easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&api.easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&api.easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&api.easy_strerror = dlsym(library, "curl_easy_strerror");
    *(void **)&api.slist_append = dlsym(library, "curl_slist_append");
    *(void **)&api.slist_free_all = dlsym(library, "curl_slist_free_all");
    *(void **)&api.global_init = dlsym(library, "curl_global_init");
    if (!api.easy_init || !api.easy_setopt || !api.easy_perform || !api.easy_getinfo || !api.easy_cleanup ||
        !api.easy_strerror || !api.slist_append || !api.slist_free_all || !api.global_init) {
        return;
    }
    /* CURL_GLOBAL_DEFAULT (SSL | WIN32) = 3; not thread-safe, hence pthread_once. */
    if (api.global_init(3) != 0) return;
    api.loaded = 1;
    *CCurl_shared() = api;
}

/* The loaded API, or NULL when libcurl is not installed. */
static inline const CCurl_API *CCurl_api(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, CCurl_load);
    return CCurl_shared()->loaded ? CCurl_shared() : NULL;
}

static inline int CCurl_available(void) { return CCurl_api() != NULL; }

static inline void *CCurl_easy_init(void) {
    const CCurl_API *api = CCurl_api();
    return api ? api->easy_init() : NULL;
}

static inline int CCurl_setopt_long(void *handle, int option, long value) {
    return CCurl_api()->easy_setopt(handle, option, value);
}

static inline int CCurl_setopt_pointer(void *handle, int option, const void *value) {
    return CCurl_api()->easy_setopt(handle, option, value);
}

static inline int CCurl_setopt_data_callback(void *handle, int option, CCurl_data_callback callback) {
    return CCurl_api()->easy_setopt(handle, option, callback);
}

static inline int CCurl_setopt_progress_callback(void *handle, int option, CCurl_progress_callback callback) {
    return CCurl_api()->easy_setopt(handle, option, callback);
}

static inline int CCurl_perform(void *handle) { return CCurl_api()->easy_perform(handle); }

/* CURLINFO_RESPONSE_CODE = CURLINFO_LONG + 2. */
static inline long CCurl_response_code(void *handle) {
    long code = 0;
    if (CCurl_api()->easy_getinfo(handle, 0x200000 + 2, &code) != 0) return 0;
    return code;
}

static inline void CCurl_cleanup(void *handle) { CCurl_api()->easy_cleanup(handle); }

static inline const char *CCurl_strerror(int code) { return CCurl_api()->easy_strerror(code); }

static inline void *CCurl_slist_append(void *list, const char *text) {
    return CCurl_api()->slist_append(list, text);
}

static inline void CCurl_slist_free_all(void *list) {
    if (list) CCurl_api()->slist_free_all(list);
}
#endif
