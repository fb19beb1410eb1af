#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

/* HMAC-SHA256 through the EVP_MAC API, keyed once: OSSL_PARAM arrays are awkward from Swift. */
static inline EVP_MAC_CTX *CLibCrypto_hmac_sha256_new(EVP_MAC *mac, const unsigned char *key, size_t keylen) {
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    if (ctx == NULL) return NULL;
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0);
    params[1] = OSSL_PARAM_construct_end();
    /* An empty key is legal HMAC; OpenSSL wants a non-NULL pointer for it. */
    static const unsigned char empty = 0;
    if (EVP_MAC_init(ctx, keylen > 0 ? key : &empty, keylen, params) != 1) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Restarts a keyed context for a new message, reusing the key already set. */
static inline int CLibCrypto_mac_restart(EVP_MAC_CTX *ctx) { return EVP_MAC_init(ctx, NULL, 0, NULL); }
#endif
