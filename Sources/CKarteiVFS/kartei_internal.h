/* Internal declarations shared by the files of CKarteiVFS. Not part of the module's API. */
#ifndef CKARTEI_INTERNAL_H
#define CKARTEI_INTERNAL_H

#include <pthread.h>
#include <sys/types.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include "CKarteiVFS.h"

#define K_PS CKARTEI_PAGE_SIZE
#define K_USABLE (CKARTEI_PAGE_SIZE - CKARTEI_RESERVE)
#define K_FRAME (CKARTEI_WAL_FRAME_HEADER + CKARTEI_PAGE_SIZE)
#define K_AAD_LEN 33
/* The page SQLite never writes (it holds the byte-range locks at 1 GiB). */
#define H_REGION_SIZE ((int64_t)CKARTEI_HEADER_REGION)
#define K_LOCK_PAGE ((uint32_t)(0x40000000 / K_PS) + 1)
/* Offset of the presence-lock byte inside the header region (never written). */
#define K_PRESENCE_BYTE 2048

/* ---- crypto (kartei_crypto.c) ---- */

/* An AES-256-GCM key with one context each way; owned by one file, used by one thread at a time. */
typedef struct kgcm {
    EVP_CIPHER_CTX *enc;
    EVP_CIPHER_CTX *dec;
    /* Nonces: a random 96-bit start per context, then +1 per seal (re-randomised in a forked
     * child). Two contexts collide only if their ranges overlap: probability ~ n²·len / 2^96. */
    uint8_t next_nonce[12];
    int nonce_ready;
    unsigned nonce_fork_generation;
} kgcm;

int kgcm_init(kgcm *g, const uint8_t key[32]);
void kgcm_free(kgcm *g);
/* Seals K_PS bytes of plaintext (the reserve area is ignored) into out (may equal in). */
int kgcm_seal(kgcm *g, const uint8_t aad[K_AAD_LEN], const uint8_t *in, uint8_t *out, uint8_t nonce_out[12]);
/* Opens K_PS sealed bytes into out (may equal in); the reserve area of out is zeroed.
 * Returns 0, or -1 when the page does not authenticate. */
int kgcm_open(kgcm *g, const uint8_t aad[K_AAD_LEN], const uint8_t *in, uint8_t *out, uint8_t nonce_out[12]);
/* Builds the associated data: file id | role | page number | extra (WAL salts) | reserve tail. */
void kaad(uint8_t aad[K_AAD_LEN], const uint8_t file_id[16], int role, uint32_t pgno, const uint8_t extra[8]);

/* AES-256-XTS for 24-byte WAL frame headers, tweaked by the frame's file offset. */
typedef struct kxts {
    EVP_CIPHER_CTX *enc;
    EVP_CIPHER_CTX *dec;
} kxts;
int kxts_init(kxts *x, const uint8_t key[64]);
void kxts_free(kxts *x);
int kxts_crypt(kxts *x, int encrypt, int64_t offset, const uint8_t in[24], uint8_t out[24]);

/* The 32-byte WAL header under the same XTS key, tweak 0 (frames start at offset 32). */
int kwal_header_crypt(kxts *x, int encrypt, const uint8_t in[32], uint8_t out[32]);
/* True if a plain WAL header is one SQLite wrote: magic, version, page size 4096, checksum. */
int kwal_header_valid(const uint8_t header[32]);

/* AES-256 single-block masks for rollback-journal checksums. */
typedef struct kmask {
    EVP_CIPHER_CTX *ctx;
} kmask;
int kmask_init(kmask *m, const uint8_t key[32]);
void kmask_free(kmask *m);
int kmask_compute(kmask *m, const uint8_t nonce[12], uint8_t out[4]);

void kstats_decrypted(void);
void kstats_encrypted(void);

/* ---- bindings (kartei_binding.c) ---- */

struct ckartei_binding {
    struct ckartei_binding *next;
    char *path;       /* full path as SQLite's unix VFS computes it */
    int fd;           /* the binding's descriptor: header I/O and the presence lock */
    dev_t dev;
    ino_t ino;
    int refs;         /* attach references */
    int open_files;   /* SQLite files open through this binding */
    int has_keys;
    ckartei_keys *keys; /* locked in memory, wiped on release */
    pthread_mutex_t failure_lock;
    ckartei_failure failure;
};

/* Finds the keyed binding for a database path and takes an open-file reference. */
ckartei_binding *kbinding_acquire_for_file(const char *db_path);
void kbinding_release_file(ckartei_binding *b);
void kbinding_fail(ckartei_binding *b, int role, int kind, int64_t pgno, int64_t frame, int64_t offset);
/* Looks up the binding of a database path without taking a reference (used by xDelete). The
 * caller holds kbinding_lock() while using the result. */
ckartei_binding *kbinding_find_locked(const char *db_path);
void kbinding_lock(void);
void kbinding_unlock(void);
/* Sets or clears a flag in the WAL state block (read-modify-write with fdatasync). */
int kbinding_update_state(ckartei_binding *b, uint32_t set, uint32_t clear);
sqlite3_vfs *kartei_underlying_vfs(void);

/* ---- shared memory (kartei_shm.c) ---- */

typedef struct kshm kshm;
int kshm_map(ckartei_binding *b, kshm **pshm, int region, int size, int extend, void volatile **pp);
int kshm_lock(kshm *s, int offset, int n, int flags);
void kshm_barrier(void);
int kshm_unmap(kshm **pshm, int delete_flag);

#endif
