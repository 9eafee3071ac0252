#ifndef NEWSDESK_COPENSSL_SHIM_H
#define NEWSDESK_COPENSSL_SHIM_H

// The system OpenSSL (Debian libssl-dev) as Swift sees it, plus small inline wrappers for what
// Swift cannot call: function-like macros over SSL_CTX_ctrl, option bits built by macros, and the
// two callbacks the server installs. A system library target has no .c files, so every wrapper is
// `static inline` here. Policy (which versions, ciphers, groups) stays in Swift.

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <string.h>

static const uint64_t COPENSSL_OP_NO_RENEGOTIATION = SSL_OP_NO_RENEGOTIATION;
static const uint64_t COPENSSL_OP_IGNORE_UNEXPECTED_EOF = SSL_OP_IGNORE_UNEXPECTED_EOF;
static const uint64_t COPENSSL_OP_NO_COMPRESSION = SSL_OP_NO_COMPRESSION;
static const uint64_t COPENSSL_OP_CIPHER_SERVER_PREFERENCE = SSL_OP_CIPHER_SERVER_PREFERENCE;
static const long COPENSSL_MODE_ENABLE_PARTIAL_WRITE = SSL_MODE_ENABLE_PARTIAL_WRITE;
static const long COPENSSL_MODE_ACCEPT_MOVING_WRITE_BUFFER = SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER;
static const long COPENSSL_MODE_RELEASE_BUFFERS = SSL_MODE_RELEASE_BUFFERS;
static const long COPENSSL_SESS_CACHE_SERVER = SSL_SESS_CACHE_SERVER;

static inline int copenssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int copenssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

static inline int copenssl_ctx_add0_chain_cert(SSL_CTX *ctx, X509 *certificate) {
    return (int)SSL_CTX_add0_chain_cert(ctx, certificate);
}

static inline long copenssl_ctx_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }

static inline long copenssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

static inline long copenssl_ctx_sess_set_cache_size(SSL_CTX *ctx, long size) {
    return SSL_CTX_sess_set_cache_size(ctx, size);
}

static inline int copenssl_ctx_set1_groups_list(SSL_CTX *ctx, const char *groups) {
    return (int)SSL_CTX_set1_groups_list(ctx, groups);
}

/// ALPN: picks "http/1.1" from the client's list, the one protocol this server speaks. A client
/// that offers ALPN without it gets the fatal no_application_protocol alert (RFC 7301, 3.2) rather
/// than a connection on which it would speak a protocol we do not.
static inline int copenssl_alpn_select_http11(
    SSL *ssl, const unsigned char **out, unsigned char *out_length, const unsigned char *in, unsigned int in_length,
    void *arg) {
    (void)ssl;
    (void)arg;
    unsigned int index = 0;
    while (index < in_length) {
        unsigned int length = in[index];
        if (length == 0 || index + 1 + length > in_length) break;
        if (length == 8 && memcmp(in + index + 1, "http/1.1", 8) == 0) {
            *out = in + index + 1;
            *out_length = 8;
            return SSL_TLSEXT_ERR_OK;
        }
        index += 1 + length;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

static inline void copenssl_ctx_select_http11(SSL_CTX *ctx) {
    SSL_CTX_set_alpn_select_cb(ctx, copenssl_alpn_select_http11, NULL);
}

/// A PEM password callback that never prompts: it records that a password was asked for (when
/// `userdata` points at an int) and fails. Without it OpenSSL would read a password from the
/// terminal of a server that may have none.
static inline int copenssl_refuse_password(char *buffer, int size, int rwflag, void *userdata) {
    (void)buffer;
    (void)size;
    (void)rwflag;
    if (userdata != NULL) *(int *)userdata = 1;
    return -1;
}

static inline void copenssl_ctx_refuse_passwords(SSL_CTX *ctx) {
    SSL_CTX_set_default_passwd_cb(ctx, copenssl_refuse_password);
    SSL_CTX_set_default_passwd_cb_userdata(ctx, NULL);
}

/// Reads the first private key of a PEM buffer; `*asked_for_password` turns 1 when it is encrypted.
static inline EVP_PKEY *copenssl_read_private_key(const void *bytes, int count, int *asked_for_password) {
    BIO *bio = BIO_new_mem_buf(bytes, count);
    if (bio == NULL) return NULL;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, copenssl_refuse_password, asked_for_password);
    BIO_free(bio);
    return key;
}

#endif
