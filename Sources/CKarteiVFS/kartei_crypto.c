/* Page sealing for the kartei VFS: AES-256-GCM pages, AES-256-XTS frame headers, checksum masks. */
#include <string.h>
#include <stdlib.h>
#include <time.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include "kartei_internal.h"

static pthread_once_t cipher_once = PTHREAD_ONCE_INIT;
/* Bumped in every forked child, so a child never continues its parent's nonce sequences. */
static unsigned fork_generation;
static void after_fork_in_child(void) { fork_generation++; }
static EVP_CIPHER *cipher_gcm;
static EVP_CIPHER *cipher_xts;
static EVP_CIPHER *cipher_ecb;

static void fetch_ciphers(void) {
    pthread_atfork(NULL, NULL, after_fork_in_child);
    cipher_gcm = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
    cipher_xts = EVP_CIPHER_fetch(NULL, "AES-256-XTS", NULL);
    cipher_ecb = EVP_CIPHER_fetch(NULL, "AES-256-ECB", NULL);
}

static int ciphers_ready(void) {
    pthread_once(&cipher_once, fetch_ciphers);
    return cipher_gcm != NULL && cipher_xts != NULL && cipher_ecb != NULL;
}

static uint64_t stat_decrypted;
static uint64_t stat_encrypted;
void kstats_decrypted(void) { __atomic_fetch_add(&stat_decrypted, 1, __ATOMIC_RELAXED); }
void kstats_encrypted(void) { __atomic_fetch_add(&stat_encrypted, 1, __ATOMIC_RELAXED); }
void ckartei_vfs_stats(ckartei_stats *out) {
    out->pages_decrypted = __atomic_load_n(&stat_decrypted, __ATOMIC_RELAXED);
    out->pages_encrypted = __atomic_load_n(&stat_encrypted, __ATOMIC_RELAXED);
}

/* AAD = file id (16) | role (1) | page number, big-endian (4) | extra (8) | reserve tail (4). */
void kaad(uint8_t aad[K_AAD_LEN], const uint8_t file_id[16], int role, uint32_t pgno, const uint8_t extra[8]) {
    memcpy(aad, file_id, 16);
    aad[16] = (uint8_t)role;
    aad[17] = (uint8_t)(pgno >> 24);
    aad[18] = (uint8_t)(pgno >> 16);
    aad[19] = (uint8_t)(pgno >> 8);
    aad[20] = (uint8_t)pgno;
    if (extra) {
        memcpy(aad + 21, extra, 8);
    } else {
        memset(aad + 21, 0, 8);
    }
    memset(aad + 29, 0, 4); /* the reserve tail; kgcm_seal/kgcm_open fill it in */
}

int kgcm_init(kgcm *g, const uint8_t key[32]) {
    g->enc = NULL;
    g->dec = NULL;
    g->nonce_ready = 0;
    if (!ciphers_ready()) return -1;
    g->enc = EVP_CIPHER_CTX_new();
    g->dec = EVP_CIPHER_CTX_new();
    if (!g->enc || !g->dec) goto fail;
    if (EVP_EncryptInit_ex2(g->enc, cipher_gcm, key, NULL, NULL) != 1) goto fail;
    if (EVP_DecryptInit_ex2(g->dec, cipher_gcm, key, NULL, NULL) != 1) goto fail;
    return 0;
fail:
    kgcm_free(g);
    return -1;
}

void kgcm_free(kgcm *g) {
    EVP_CIPHER_CTX_free(g->enc);
    EVP_CIPHER_CTX_free(g->dec);
    g->enc = NULL;
    g->dec = NULL;
}

int kgcm_seal(kgcm *g, const uint8_t aad[K_AAD_LEN], const uint8_t *in, uint8_t *out, uint8_t nonce_out[12]) {
    uint8_t nonce[CKARTEI_NONCE_SIZE];
    uint8_t tag[CKARTEI_TAG_SIZE];
    uint8_t ad[K_AAD_LEN];
    int len = 0;
    /* The last four reserve bytes are written as zero and authenticated. */
    memcpy(ad, aad, K_AAD_LEN);
    memset(ad + K_AAD_LEN - 4, 0, 4);
    if (!g->nonce_ready || g->nonce_fork_generation != fork_generation) {
        if (RAND_bytes(g->next_nonce, sizeof g->next_nonce) != 1) return -1;
        g->nonce_ready = 1;
        g->nonce_fork_generation = fork_generation;
    }
    memcpy(nonce, g->next_nonce, sizeof nonce);
    for (int i = (int)sizeof g->next_nonce - 1; i >= 0; i--) {
        if (++g->next_nonce[i] != 0) break;
    }
    if (EVP_EncryptInit_ex2(g->enc, NULL, NULL, nonce, NULL) != 1) return -1;
    if (EVP_EncryptUpdate(g->enc, NULL, &len, ad, K_AAD_LEN) != 1) return -1;
    if (EVP_EncryptUpdate(g->enc, out, &len, in, K_USABLE) != 1 || len != K_USABLE) return -1;
    if (EVP_EncryptFinal_ex(g->enc, out + len, &len) != 1) return -1;
    if (EVP_CIPHER_CTX_ctrl(g->enc, EVP_CTRL_GCM_GET_TAG, CKARTEI_TAG_SIZE, tag) != 1) return -1;
    memcpy(out + K_USABLE, nonce, CKARTEI_NONCE_SIZE);
    memcpy(out + K_USABLE + CKARTEI_NONCE_SIZE, tag, CKARTEI_TAG_SIZE);
    memset(out + K_USABLE + CKARTEI_NONCE_SIZE + CKARTEI_TAG_SIZE, 0, 4);
    if (nonce_out) memcpy(nonce_out, nonce, CKARTEI_NONCE_SIZE);
    kstats_encrypted();
    return 0;
}

int kgcm_open(kgcm *g, const uint8_t aad[K_AAD_LEN], const uint8_t *in, uint8_t *out, uint8_t nonce_out[12]) {
    uint8_t nonce[CKARTEI_NONCE_SIZE];
    uint8_t tag[CKARTEI_TAG_SIZE];
    uint8_t ad[K_AAD_LEN];
    int len = 0;
    memcpy(nonce, in + K_USABLE, CKARTEI_NONCE_SIZE);
    memcpy(tag, in + K_USABLE + CKARTEI_NONCE_SIZE, CKARTEI_TAG_SIZE);
    /* Whatever is in the last four reserve bytes on disk is authenticated (it must be zero). */
    memcpy(ad, aad, K_AAD_LEN);
    memcpy(ad + K_AAD_LEN - 4, in + K_USABLE + CKARTEI_NONCE_SIZE + CKARTEI_TAG_SIZE, 4);
    if (EVP_DecryptInit_ex2(g->dec, NULL, NULL, nonce, NULL) != 1) return -1;
    if (EVP_DecryptUpdate(g->dec, NULL, &len, ad, K_AAD_LEN) != 1) return -1;
    if (EVP_DecryptUpdate(g->dec, out, &len, in, K_USABLE) != 1 || len != K_USABLE) return -1;
    if (EVP_CIPHER_CTX_ctrl(g->dec, EVP_CTRL_GCM_SET_TAG, CKARTEI_TAG_SIZE, tag) != 1) return -1;
    if (EVP_DecryptFinal_ex(g->dec, out + len, &len) != 1) {
        /* Never hand out unauthenticated plaintext. */
        OPENSSL_cleanse(out, K_PS);
        return -1;
    }
    /* SQLite computes WAL and journal checksums over what it reads, reserve bytes included:
     * it must always see the same (zero) reserve area, whatever nonce and tag are on disk. */
    memset(out + K_USABLE, 0, CKARTEI_RESERVE);
    if (nonce_out) memcpy(nonce_out, nonce, CKARTEI_NONCE_SIZE);
    kstats_decrypted();
    return 0;
}

int kxts_init(kxts *x, const uint8_t key[64]) {
    x->enc = NULL;
    x->dec = NULL;
    if (!ciphers_ready()) return -1;
    x->enc = EVP_CIPHER_CTX_new();
    x->dec = EVP_CIPHER_CTX_new();
    if (!x->enc || !x->dec) goto fail;
    if (EVP_EncryptInit_ex2(x->enc, cipher_xts, key, NULL, NULL) != 1) goto fail;
    if (EVP_DecryptInit_ex2(x->dec, cipher_xts, key, NULL, NULL) != 1) goto fail;
    return 0;
fail:
    kxts_free(x);
    return -1;
}

void kxts_free(kxts *x) {
    EVP_CIPHER_CTX_free(x->enc);
    EVP_CIPHER_CTX_free(x->dec);
    x->enc = NULL;
    x->dec = NULL;
}

int kxts_crypt(kxts *x, int encrypt, int64_t offset, const uint8_t in[24], uint8_t out[24]) {
    uint8_t tweak[16] = {0};
    uint64_t o = (uint64_t)offset;
    int len = 0;
    for (int i = 0; i < 8; i++) tweak[i] = (uint8_t)(o >> (8 * i));
    EVP_CIPHER_CTX *ctx = encrypt ? x->enc : x->dec;
    if (encrypt) {
        if (EVP_EncryptInit_ex2(ctx, NULL, NULL, tweak, NULL) != 1) return -1;
        if (EVP_EncryptUpdate(ctx, out, &len, in, 24) != 1 || len != 24) return -1;
    } else {
        if (EVP_DecryptInit_ex2(ctx, NULL, NULL, tweak, NULL) != 1) return -1;
        if (EVP_DecryptUpdate(ctx, out, &len, in, 24) != 1 || len != 24) return -1;
    }
    return 0;
}

int kwal_header_crypt(kxts *x, int encrypt, const uint8_t in[32], uint8_t out[32]) {
    uint8_t tweak[16] = {0};
    int len = 0;
    EVP_CIPHER_CTX *ctx = encrypt ? x->enc : x->dec;
    if (encrypt) {
        if (EVP_EncryptInit_ex2(ctx, NULL, NULL, tweak, NULL) != 1) return -1;
        if (EVP_EncryptUpdate(ctx, out, &len, in, 32) != 1 || len != 32) return -1;
    } else {
        if (EVP_DecryptInit_ex2(ctx, NULL, NULL, tweak, NULL) != 1) return -1;
        if (EVP_DecryptUpdate(ctx, out, &len, in, 32) != 1 || len != 32) return -1;
    }
    return 0;
}

static uint32_t be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

int kwal_header_valid(const uint8_t h[32]) {
    uint32_t magic = be32(h);
    if ((magic & 0xFFFFFFFEu) != 0x377f0682u) return 0;
    if (be32(h + 4) != 3007000u || be32(h + 8) != K_PS) return 0;
    /* SQLite's checksum over the first 24 bytes: 32-bit words, big-endian if magic's low bit is set. */
    int big = (int)(magic & 1);
    uint32_t s1 = 0, s2 = 0;
    for (int i = 0; i < 24; i += 8) {
        uint32_t w0 = big ? be32(h + i) : ((uint32_t)h[i] | (uint32_t)h[i + 1] << 8 | (uint32_t)h[i + 2] << 16 | (uint32_t)h[i + 3] << 24);
        uint32_t w1 = big ? be32(h + i + 4)
                          : ((uint32_t)h[i + 4] | (uint32_t)h[i + 5] << 8 | (uint32_t)h[i + 6] << 16 | (uint32_t)h[i + 7] << 24);
        s1 += w0 + s2;
        s2 += w1 + s1;
    }
    return s1 == be32(h + 24) && s2 == be32(h + 28);
}

int kmask_init(kmask *m, const uint8_t key[32]) {
    m->ctx = NULL;
    if (!ciphers_ready()) return -1;
    m->ctx = EVP_CIPHER_CTX_new();
    if (!m->ctx) return -1;
    if (EVP_EncryptInit_ex2(m->ctx, cipher_ecb, key, NULL, NULL) != 1 || EVP_CIPHER_CTX_set_padding(m->ctx, 0) != 1) {
        kmask_free(m);
        return -1;
    }
    return 0;
}

void kmask_free(kmask *m) {
    EVP_CIPHER_CTX_free(m->ctx);
    m->ctx = NULL;
}

int kmask_compute(kmask *m, const uint8_t nonce[12], uint8_t out[4]) {
    uint8_t block[16];
    uint8_t enc[32];
    int len = 0;
    memcpy(block, nonce, 12);
    memcpy(block + 12, "CKS1", 4);
    if (EVP_EncryptUpdate(m->ctx, enc, &len, block, 16) != 1 || len != 16) return -1;
    memcpy(out, enc, 4);
    return 0;
}

/* ---- state block ---- */

static const uint8_t state_magic[8] = {'K', 'W', 'A', 'L', 'S', 'T', 'A', 'T'};

static void state_mac(const ckartei_keys *keys, const uint8_t block[32], uint8_t mac[32]) {
    uint8_t input[48];
    unsigned int len = 32;
    memcpy(input, keys->file_id, 16);
    memcpy(input + 16, block, 32);
    HMAC(EVP_sha256(), keys->state_mac, 32, input, sizeof input, mac, &len);
}

void ckartei_vfs_state_encode(const ckartei_keys *keys, uint64_t counter, uint32_t flags, uint8_t out[CKARTEI_STATE_SIZE]) {
    memset(out, 0, CKARTEI_STATE_SIZE);
    memcpy(out, state_magic, 8);
    for (int i = 0; i < 8; i++) out[8 + i] = (uint8_t)(counter >> (56 - 8 * i));
    for (int i = 0; i < 4; i++) out[16 + i] = (uint8_t)(flags >> (24 - 8 * i));
    state_mac(keys, out, out + 32);
}

int ckartei_vfs_state_decode(const ckartei_keys *keys, const uint8_t block[CKARTEI_STATE_SIZE], uint64_t *counter,
                             uint32_t *flags) {
    uint8_t mac[32];
    if (memcmp(block, state_magic, 8) != 0) return 0;
    state_mac(keys, block, mac);
    if (CRYPTO_memcmp(mac, block + 32, 32) != 0) return 0;
    uint64_t c = 0;
    uint32_t f = 0;
    for (int i = 0; i < 8; i++) c = (c << 8) | block[8 + i];
    for (int i = 0; i < 4; i++) f = (f << 8) | block[16 + i];
    if (counter) *counter = c;
    if (flags) *flags = f;
    return 1;
}

/* ---- standalone page sealing (tests, benchmarks) ---- */

int ckartei_page_seal(const uint8_t key[32], const uint8_t file_id[16], int role, uint32_t page_number,
                      const uint8_t extra[8], const uint8_t *plain, uint8_t *out) {
    kgcm g;
    uint8_t aad[K_AAD_LEN];
    if (kgcm_init(&g, key) != 0) return -1;
    kaad(aad, file_id, role, page_number, extra);
    int rc = kgcm_seal(&g, aad, plain, out, NULL);
    kgcm_free(&g);
    return rc;
}

int ckartei_page_open(const uint8_t key[32], const uint8_t file_id[16], int role, uint32_t page_number,
                      const uint8_t extra[8], const uint8_t *sealed, uint8_t *out) {
    kgcm g;
    uint8_t aad[K_AAD_LEN];
    if (kgcm_init(&g, key) != 0) return -1;
    kaad(aad, file_id, role, page_number, extra);
    int rc = kgcm_open(&g, aad, sealed, out, NULL);
    kgcm_free(&g);
    return rc;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int ckartei_cipher_cost(uint32_t pages, double *seal_seconds, double *open_seconds) {
    uint8_t key[32], file_id[16];
    if (pages == 0 || RAND_bytes(key, sizeof key) != 1 || RAND_bytes(file_id, sizeof file_id) != 1) return -1;
    uint8_t *plain = malloc(K_PS), *sealed = malloc(K_PS), *out = malloc(K_PS);
    kgcm g;
    int rc = -1;
    if (!plain || !sealed || !out || kgcm_init(&g, key) != 0) goto done;
    if (RAND_bytes(plain, K_PS) != 1) goto done_gcm;
    uint8_t aad[K_AAD_LEN];
    kaad(aad, file_id, CKARTEI_ROLE_MAIN, 7, NULL);
    double start = now_seconds();
    for (uint32_t i = 0; i < pages; i++) {
        if (kgcm_seal(&g, aad, plain, sealed, NULL) != 0) goto done_gcm;
    }
    *seal_seconds = (now_seconds() - start) / pages;
    start = now_seconds();
    for (uint32_t i = 0; i < pages; i++) {
        if (kgcm_open(&g, aad, sealed, out, NULL) != 0) goto done_gcm;
    }
    *open_seconds = (now_seconds() - start) / pages;
    rc = 0;
done_gcm:
    kgcm_free(&g);
done:
    free(plain);
    free(sealed);
    free(out);
    return rc;
}
