/*
 * CKarteiVFS — the kartei page-encrypting SQLite VFS.
 *
 * Every page of a vault's main database, its WAL and its rollback journal is sealed with
 * AES-256-GCM before it reaches the disk; WAL frame headers are encrypted with AES-256-XTS and
 * rollback-journal checksums are masked, so no value computed from plaintext is stored in clear.
 * The WAL index ("-shm") lives in POSIX shared memory (RAM) and never on disk; the "-shm" file
 * on disk stays empty and only carries the locks.
 *
 * docs/FORMATS.md describes the bytes on disk; docs/SECURITY.md the threat model.
 *
 * Usage (from KarteiVault):
 *   kartei_vfs_register();                       once per process, before any connection opens
 *   kartei_vfs_attach(path, create, &h);         opens the vault file; one binding per path
 *   kartei_vfs_pread / kartei_vfs_pwrite_sync    header I/O through the binding's descriptor
 *   kartei_vfs_set_keys(h, &keys);               after a key holder unlocked the data key
 *   ... sqlite3_open_v2(path, ...) ...           SQLite now reads and writes through the VFS
 *   kartei_vfs_detach(h);                        after every connection on the path has closed
 *
 * Never open and close another descriptor on a vault file while SQLite connections on it are
 * open in this process: closing any descriptor drops the process's POSIX locks on the file.
 * That is why all header I/O goes through the binding.
 */
#ifndef CKARTEI_VFS_H
#define CKARTEI_VFS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The fixed geometry of every vault. */
#define CKARTEI_PAGE_SIZE 4096
#define CKARTEI_RESERVE 32
#define CKARTEI_NONCE_SIZE 12
#define CKARTEI_TAG_SIZE 16
#define CKARTEI_HEADER_REGION 65536
#define CKARTEI_STATE_OFFSET 1024
#define CKARTEI_STATE_SIZE 64
#define CKARTEI_WAL_FRAME_HEADER 24
#define CKARTEI_WAL_HEADER 32

/* File roles (also the role byte in each page's associated data). */
#define CKARTEI_ROLE_MAIN 1
#define CKARTEI_ROLE_WAL 2
#define CKARTEI_ROLE_JOURNAL 3

/* The subkeys of one vault file, derived from the vault data key by KarteiVault's key schedule. */
typedef struct ckartei_keys {
    uint8_t main_page[32];    /* AES-256-GCM, main database pages */
    uint8_t wal_page[32];     /* AES-256-GCM, WAL frame pages */
    uint8_t wal_header[64];   /* AES-256-XTS, WAL frame headers (two different 256-bit halves) */
    uint8_t journal_page[32]; /* AES-256-GCM, rollback journal page images */
    uint8_t journal_mask[32]; /* AES-256, masks for rollback journal checksums */
    uint8_t state_mac[32];    /* HMAC-SHA256 key of the WAL state block */
    uint8_t file_id[16];      /* this file's random id, bound into every page */
} ckartei_keys;

/* The last authentication failure the VFS saw on a binding (file role, page, frame). */
typedef struct ckartei_failure {
    int32_t role;          /* CKARTEI_ROLE_*, 0 when nothing failed */
    int32_t kind;          /* CKARTEI_FAIL_* */
    int64_t page_number;   /* SQLite page number, 0 when unknown */
    int64_t frame;         /* WAL frame index (1-based) or 0 */
    int64_t offset;        /* byte offset in the file on disk */
    int64_t count;         /* failures since the last reset */
} ckartei_failure;

#define CKARTEI_FAIL_AUTH 1          /* a page did not authenticate: changed or damaged */
#define CKARTEI_FAIL_GEOMETRY 2      /* page 1 does not carry page size 4096 / reserve 32 */
#define CKARTEI_FAIL_WRITE_PATTERN 3 /* SQLite asked for a write the VFS cannot encrypt */
#define CKARTEI_FAIL_PARTIAL_PAGE 4  /* the file ends inside a page: truncated or damaged */
#define CKARTEI_FAIL_TEMP_FILE 5     /* SQLite asked for a temporary file (would be plaintext) */
#define CKARTEI_FAIL_NO_KEY 6        /* a database was opened that no vault binding covers */

/* SQLite extended result codes as enum constants (Swift does not import sqlite3.h's macros). */
enum {
    CKARTEI_SQLITE_IOERR_WRITE = 10 | (3 << 8),
    CKARTEI_SQLITE_IOERR_DATA = 10 | (32 << 8),
    CKARTEI_SQLITE_IOERR_SHORT_READ = 10 | (2 << 8),
};

typedef struct ckartei_binding ckartei_binding;

/* Registers the VFS "kartei" as the process default. Idempotent and thread-safe. */
int ckartei_vfs_register(void);

/* Opens (or, with create != 0, exclusively creates) the vault file at path and returns its
 * binding. Attaching a path that is already attached returns the same binding with one more
 * reference. Returns 0 or an errno value. */
int ckartei_vfs_attach(const char *path, int create, ckartei_binding **out);

/* Drops one reference. The descriptor is closed and the keys wiped when the last reference and
 * the last open SQLite file on the binding are gone. */
void ckartei_vfs_detach(ckartei_binding *binding);

/* Installs the subkeys. Fails with EEXIST if different keys are already installed. */
int ckartei_vfs_set_keys(ckartei_binding *binding, const ckartei_keys *keys);

/* Header I/O through the binding's descriptor; offsets are absolute file offsets. Return the
 * number of bytes read (pread) or 0 (pwrite_sync, which also fdatasyncs), or -errno. */
int64_t ckartei_vfs_pread(ckartei_binding *binding, void *buffer, size_t count, int64_t offset);
int64_t ckartei_vfs_pwrite_sync(ckartei_binding *binding, const void *buffer, size_t count, int64_t offset);
int64_t ckartei_vfs_file_size(ckartei_binding *binding);
/* fsyncs the file and its directory. */
int ckartei_vfs_sync(ckartei_binding *binding);

/* Advisory presence lock (an OFD lock on a byte of the header region): every open vault holds
 * it shared; rekey and restore need it exclusive. Returns 0, EAGAIN when held elsewhere, or errno. */
int ckartei_vfs_presence_lock(ckartei_binding *binding, int exclusive);
int ckartei_vfs_presence_unlock(ckartei_binding *binding);
/* Opens a separate descriptor on path and takes the presence lock exclusively on it; used by
 * rekey to keep every other process out across the rename. Returns 0, EAGAIN or errno. Close it
 * only when no SQLite connection of this process is open on the file. */
int ckartei_vfs_exclusive_open(const char *path, int *fd_out);
void ckartei_vfs_exclusive_close(int fd);
/* Number of attach references (Vault objects of this process) on the binding. */
int ckartei_vfs_references(ckartei_binding *binding);
/* Number of SQLite files currently open through this binding (main, WAL, journal). */
int ckartei_vfs_open_files(ckartei_binding *binding);

/* Reads and clears the last failure. Returns 1 if there was one. */
int ckartei_vfs_take_failure(ckartei_binding *binding, ckartei_failure *out);

/* Computes the state block (CKARTEI_STATE_SIZE bytes) for the given flags and counter. */
void ckartei_vfs_state_encode(const ckartei_keys *keys, uint64_t counter, uint32_t flags, uint8_t out[CKARTEI_STATE_SIZE]);
/* Parses a state block. Returns 1 if it authenticates, 0 if not. */
int ckartei_vfs_state_decode(const ckartei_keys *keys, const uint8_t block[CKARTEI_STATE_SIZE], uint64_t *counter, uint32_t *flags);
#define CKARTEI_STATE_WAL_IN_USE 1u

/* Verification of a whole file without SQLite, used by `kartei vault check`.
 * The callback receives every page/frame that fails (role, page number, frame, offset) and may
 * return non-zero to stop. Returns the number of units checked, or -errno. */
typedef int (*ckartei_verify_callback)(void *context, const ckartei_failure *failure);
int64_t ckartei_vfs_verify_main(ckartei_binding *binding, ckartei_verify_callback callback, void *context);
/* Checks every WAL frame that belongs to the current WAL generation (same salts as the WAL header).
 * Sets *frames_in_generation. */
int64_t ckartei_vfs_verify_wal(ckartei_binding *binding, const char *wal_path, ckartei_verify_callback callback,
                               void *context, int64_t *frames_in_generation);

/* I/O statistics of the process (for benchmarks): page decryptions and encryptions. */
typedef struct ckartei_stats {
    uint64_t pages_decrypted;
    uint64_t pages_encrypted;
} ckartei_stats;
void ckartei_vfs_stats(ckartei_stats *out);

/* Seconds per page to seal and to open with the VFS's own code path (persistent cipher contexts,
 * same associated data), measured over `pages` pages: the floor a page-encrypting VFS cannot go
 * below. Returns 0 on success. */
int ckartei_cipher_cost(uint32_t pages, double *seal_seconds, double *open_seconds);

/* Seals / opens one page in memory exactly as the VFS does on disk (benchmarks, tests). */
int ckartei_page_seal(const uint8_t key[32], const uint8_t file_id[16], int role, uint32_t page_number,
                      const uint8_t extra[8], const uint8_t *plain, uint8_t *out);
int ckartei_page_open(const uint8_t key[32], const uint8_t file_id[16], int role, uint32_t page_number,
                      const uint8_t extra[8], const uint8_t *sealed, uint8_t *out);

/* Opens one WAL frame (24-byte header + page, as on disk at file offset `offset`) exactly as the
 * VFS does, given the generation's salts (bytes 16..24 of the decrypted WAL header): the plain
 * header and the plain page. Returns 0, or -1 if the page does not
 * authenticate. Used by tests to recompute SQLite's checksums and by forensics. */
/* Decrypts the 32-byte WAL header; returns 0 if it is one SQLite wrote, -1 otherwise. */
int ckartei_wal_header_open(const ckartei_keys *keys, const uint8_t in[32], uint8_t out[32]);
int ckartei_wal_frame_open(const ckartei_keys *keys, const uint8_t *frame, int64_t offset,
                           const uint8_t generation_salts[8], uint8_t header_out[24], uint8_t *page_out);

#ifdef __cplusplus
}
#endif
#endif
