/*
 * The kartei VFS: a shim over SQLite's unix VFS that encrypts every page on its way to disk.
 *
 * Main database: the file starts with a 64 KiB header region (superblock, WAL state block, key
 * holder slots; KarteiVault writes it); SQLite's offset X is file offset X + 64 KiB. Every page is
 * AES-256-GCM sealed; nonce, tag and four authenticated zero bytes fill the 32 reserve bytes.
 *
 * WAL: the 32-byte WAL header and each 24-byte frame header (page number, commit size, salts,
 * the checksum over the plaintext) are AES-256-XTS encrypted, tweaked by their file offset; a
 * decrypted WAL header must be one SQLite wrote (magic, version, page size, checksum), so a
 * changed byte is reported instead of SQLite silently ignoring the WAL. Each frame's page is
 * sealed with the page number and the salts in its associated data, so a frame header cannot
 * be changed without the page failing to authenticate (the generation's salts: see
 * wal_sealing_salts for the frames SQLite writes with zero salts and fixes at commit).
 *
 * Rollback journal: header and page numbers are clear; page images are sealed; the checksum that
 * follows each page image (a sum over plaintext bytes) is XORed with AES(page nonce).
 *
 * Temporary files (temp databases, sorter spills, statement journals, VACUUM scratch, super
 * journals) are refused: connections must run with temp_store=MEMORY, and if SQLite ever asks for
 * one the statement fails rather than write plaintext.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <openssl/crypto.h>
#include "kartei_internal.h"

#ifndef SQLITE_IOCAP_SUBPAGE_READ
#define SQLITE_IOCAP_SUBPAGE_READ 0x00008000
#endif

#define H H_REGION_SIZE

enum { J_NONE = 0, J_U32 = 1, J_PAGE = 2 };

typedef struct kfile {
    sqlite3_file base;
    sqlite3_file *real; /* the unix VFS file, allocated right after this struct */
    int role;
    ckartei_binding *binding;
    kgcm gcm;
    kxts xts;
    kmask mask;
    uint8_t *scratch; /* one WAL frame */
    /* WAL: the header this connection wrote last, valid only for the page write that follows. */
    int64_t hdr_off;
    int hdr_valid;
    uint8_t hdr[CKARTEI_WAL_FRAME_HEADER];
    /* Journal: what the previous I/O was, to tell page numbers, page images and checksums apart. */
    int j_kind;
    int64_t j_end;
    uint32_t j_pgno;
    uint8_t j_nonce[CKARTEI_NONCE_SIZE];
    kshm *shm;
} kfile;

static sqlite3_vfs kartei_vfs;
static sqlite3_vfs *unix_vfs;
static pthread_once_t register_once = PTHREAD_ONCE_INIT;
static int register_rc = SQLITE_ERROR;

sqlite3_vfs *kartei_underlying_vfs(void) { return unix_vfs; }

static uint32_t get32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static int geometry_ok(const uint8_t *page1) {
    return page1[16] == (K_PS >> 8) && page1[17] == (K_PS & 0xff) && page1[20] == CKARTEI_RESERVE;
}

/* ------------------------------------------------------------------------------------------ */
/* Main database                                                                              */

static int main_read(kfile *p, uint8_t *out, int amt, int64_t ofst) {
    /* A new vault: SQLite reads the 100-byte header of an empty file. Answer with a header that
     * fixes page size 4096 and 32 reserve bytes, so no caller can create a vault without them. */
    if (ofst == 0 && amt <= 100) {
        sqlite3_int64 size = 0;
        int rc = p->real->pMethods->xFileSize(p->real, &size);
        if (rc != SQLITE_OK) return rc;
        if (size <= H) {
            memset(out, 0, (size_t)amt);
            if (amt > 20) {
                out[16] = (uint8_t)(K_PS >> 8);
                out[17] = (uint8_t)(K_PS & 0xff);
                out[20] = CKARTEI_RESERVE;
            }
            return SQLITE_OK;
        }
    }
    int short_read = 0;
    int64_t pos = ofst;
    int remaining = amt;
    uint8_t *dst = out;
    while (remaining > 0) {
        int64_t index = pos / K_PS;
        int within = (int)(pos % K_PS);
        int n = K_PS - within < remaining ? K_PS - within : remaining;
        uint32_t pgno = (uint32_t)(index + 1);
        int direct = within == 0 && n == K_PS;
        uint8_t *page = direct ? dst : p->scratch;
        int64_t file_off = H + index * K_PS;
        int rc = p->real->pMethods->xRead(p->real, page, K_PS, file_off);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            sqlite3_int64 size = 0;
            if (p->real->pMethods->xFileSize(p->real, &size) != SQLITE_OK) return SQLITE_IOERR_READ;
            if (size > file_off) {
                /* The file ends inside this page. */
                kbinding_fail(p->binding, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_PARTIAL_PAGE, pgno, 0, file_off);
                return SQLITE_IOERR_DATA;
            }
            memset(dst, 0, (size_t)n);
            short_read = 1;
        } else if (rc != SQLITE_OK) {
            return rc;
        } else {
            uint8_t aad[K_AAD_LEN];
            kaad(aad, p->binding->keys->file_id, CKARTEI_ROLE_MAIN, pgno, NULL);
            if (kgcm_open(&p->gcm, aad, page, page, NULL) != 0) {
                kbinding_fail(p->binding, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_AUTH, pgno, 0, file_off);
                if (direct) memset(dst, 0, K_PS);
                return SQLITE_IOERR_DATA;
            }
            if (pgno == 1 && !geometry_ok(page)) {
                kbinding_fail(p->binding, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_GEOMETRY, 1, 0, file_off);
                OPENSSL_cleanse(page, K_PS);
                return SQLITE_IOERR_DATA;
            }
            if (!direct) memcpy(dst, page + within, (size_t)n);
        }
        pos += n;
        dst += n;
        remaining -= n;
    }
    if (!short_read) {
        return SQLITE_OK;
    }
    return SQLITE_IOERR_SHORT_READ;
}

static int main_write(kfile *p, const uint8_t *in, int amt, int64_t ofst) {
    if (ofst % K_PS != 0 || amt % K_PS != 0) {
        kbinding_fail(p->binding, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_WRITE_PATTERN, 0, 0, H + ofst);
        return SQLITE_IOERR_WRITE;
    }
    for (int done = 0; done < amt; done += K_PS) {
        int64_t index = (ofst + done) / K_PS;
        uint32_t pgno = (uint32_t)(index + 1);
        const uint8_t *plain = in + done;
        if (pgno == 1 && !geometry_ok(plain)) {
            /* e.g. "PRAGMA page_size=8192; VACUUM" in rollback mode: refuse, the vault keeps 4096/32. */
            kbinding_fail(p->binding, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_GEOMETRY, 1, 0, H);
            return SQLITE_IOERR_WRITE;
        }
        uint8_t aad[K_AAD_LEN];
        kaad(aad, p->binding->keys->file_id, CKARTEI_ROLE_MAIN, pgno, NULL);
        if (kgcm_seal(&p->gcm, aad, plain, p->scratch, NULL) != 0) return SQLITE_IOERR_WRITE;
        int rc = p->real->pMethods->xWrite(p->real, p->scratch, K_PS, H + index * K_PS);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* WAL                                                                                        */

static int64_t frame_start(int64_t index0) { return CKARTEI_WAL_HEADER + index0 * K_FRAME; }

/* Reads and decrypts the 32-byte WAL header. SQLITE_IOERR_SHORT_READ if the file is shorter
 * (a new, empty WAL); SQLITE_IOERR_DATA if it decrypts to something SQLite never wrote. */
static int wal_load_header(kfile *p, uint8_t out[CKARTEI_WAL_HEADER]) {
    uint8_t raw[CKARTEI_WAL_HEADER];
    int rc = p->real->pMethods->xRead(p->real, raw, CKARTEI_WAL_HEADER, 0);
    if (rc != SQLITE_OK) return rc;
    if (kwal_header_crypt(&p->xts, 0, raw, out) != 0) return SQLITE_IOERR_READ;
    if (!kwal_header_valid(out)) {
        kbinding_fail(p->binding, CKARTEI_ROLE_WAL, CKARTEI_FAIL_AUTH, 0, 0, 0);
        OPENSSL_cleanse(out, CKARTEI_WAL_HEADER);
        return SQLITE_IOERR_DATA;
    }
    return SQLITE_OK;
}

static int is_zero8(const uint8_t *b) {
    for (int i = 0; i < 8; i++) {
        if (b[i]) return 0;
    }
    return 1;
}

/* The salts of the current WAL generation, from the WAL header on disk. */
static int wal_generation_salts(kfile *p, uint8_t salts[8]) {
    uint8_t header[CKARTEI_WAL_HEADER];
    int rc = wal_load_header(p, header);
    if (rc != SQLITE_OK) return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_READ : rc;
    memcpy(salts, header + 16, 8);
    return SQLITE_OK;
}

/* Which salts a frame's page is sealed with: the frame header's, or, while they are still zero,
 * the generation's. SQLite writes the frame headers that follow an in-place frame overwrite with
 * zero salts and fills in the generation's salts at commit (wal.c walEncodeFrame,
 * walRewriteChecksums); binding the generation's salts keeps the page valid across that rewrite. */
static int wal_sealing_salts(kfile *p, const uint8_t hdr[CKARTEI_WAL_FRAME_HEADER], uint8_t salts[8]) {
    if (!is_zero8(hdr + 8)) {
        memcpy(salts, hdr + 8, 8);
        return SQLITE_OK;
    }
    return wal_generation_salts(p, salts);
}

/* Reads frame index0 (0-based). With want_page, also authenticates and decrypts its page into
 * p->scratch + 24. Returns SQLITE_OK, SQLITE_IOERR_SHORT_READ (frame not wholly on disk),
 * SQLITE_IOERR_DATA (did not authenticate) or another error. hdr receives the plain header.
 * whole_frame: SQLite reads header and page together (recovery, checksum rewrite). */
static int wal_load(kfile *p, int64_t index0, int want_page, int whole_frame, uint8_t hdr[CKARTEI_WAL_FRAME_HEADER]) {
    int64_t start = frame_start(index0);
    int len = want_page ? K_FRAME : CKARTEI_WAL_FRAME_HEADER;
    int rc = p->real->pMethods->xRead(p->real, p->scratch, len, start);
    if (rc != SQLITE_OK) return rc;
    if (kxts_crypt(&p->xts, 0, start, p->scratch, hdr) != 0) return SQLITE_IOERR_READ;
    if (!want_page) return SQLITE_OK;
    uint32_t pgno = get32(hdr);
    uint8_t salts[8];
    int zero_salts = is_zero8(hdr + 8);
    rc = wal_sealing_salts(p, hdr, salts);
    if (rc != SQLITE_OK) return rc;
    uint8_t aad[K_AAD_LEN];
    kaad(aad, p->binding->keys->file_id, CKARTEI_ROLE_WAL, pgno, salts);
    uint8_t *page = p->scratch + CKARTEI_WAL_FRAME_HEADER;
    if (kgcm_open(&p->gcm, aad, page, page, NULL) != 0) {
        if (zero_salts && whole_frame) {
            /* A frame with zero salts from an earlier generation's unfinished transaction: SQLite
             * discards any frame whose salts differ from the WAL header's without looking at
             * its page, so it gets zeros, never unauthenticated bytes. */
            memset(page, 0, K_PS);
            return SQLITE_OK;
        }
        kbinding_fail(p->binding, CKARTEI_ROLE_WAL, CKARTEI_FAIL_AUTH, pgno, index0 + 1, start);
        return SQLITE_IOERR_DATA;
    }
    return SQLITE_OK;
}

static int wal_read(kfile *p, uint8_t *out, int amt, int64_t ofst) {
    p->hdr_valid = 0;
    int64_t pos = ofst;
    int remaining = amt;
    uint8_t *dst = out;
    int short_read = 0;
    while (remaining > 0) {
        if (pos < CKARTEI_WAL_HEADER) {
            int n = (int)(CKARTEI_WAL_HEADER - pos) < remaining ? (int)(CKARTEI_WAL_HEADER - pos) : remaining;
            uint8_t header[CKARTEI_WAL_HEADER];
            int rc = wal_load_header(p, header);
            if (rc == SQLITE_IOERR_SHORT_READ) {
                memset(dst, 0, (size_t)n);
                short_read = 1;
            } else if (rc != SQLITE_OK) {
                return rc;
            } else {
                memcpy(dst, header + pos, (size_t)n);
            }
            pos += n;
            dst += n;
            remaining -= n;
            continue;
        }
        int64_t index0 = (pos - CKARTEI_WAL_HEADER) / K_FRAME;
        int within = (int)((pos - CKARTEI_WAL_HEADER) % K_FRAME);
        int n = K_FRAME - within < remaining ? K_FRAME - within : remaining;
        int want_page = within + n > CKARTEI_WAL_FRAME_HEADER;
        int whole_frame = within == 0 && n == K_FRAME;
        uint8_t hdr[CKARTEI_WAL_FRAME_HEADER];
        int rc = wal_load(p, index0, want_page, whole_frame, hdr);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            memset(dst, 0, (size_t)n);
            short_read = 1;
        } else if (rc != SQLITE_OK) {
            return rc;
        } else {
            for (int i = 0; i < n; i++) {
                int at = within + i;
                dst[i] = at < CKARTEI_WAL_FRAME_HEADER ? hdr[at] : p->scratch[at];
            }
        }
        pos += n;
        dst += n;
        remaining -= n;
    }
    return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

static int wal_write_header(kfile *p, const uint8_t *hdr, int64_t start) {
    uint8_t enc[CKARTEI_WAL_FRAME_HEADER];
    if (kxts_crypt(&p->xts, 1, start, hdr, enc) != 0) return SQLITE_IOERR_WRITE;
    int rc = p->real->pMethods->xWrite(p->real, enc, CKARTEI_WAL_FRAME_HEADER, start);
    if (rc != SQLITE_OK) return rc;
    memcpy(p->hdr, hdr, CKARTEI_WAL_FRAME_HEADER);
    p->hdr_off = start;
    p->hdr_valid = 1;
    return SQLITE_OK;
}

static int wal_write_page(kfile *p, const uint8_t *page, int64_t start) {
    uint8_t hdr[CKARTEI_WAL_FRAME_HEADER];
    if (p->hdr_valid && p->hdr_off == start) {
        memcpy(hdr, p->hdr, sizeof hdr);
    } else {
        /* A frame overwritten in place (same page twice in one transaction): the header on disk
         * was written by this transaction and still names the page and salts. */
        int rc = p->real->pMethods->xRead(p->real, p->scratch, CKARTEI_WAL_FRAME_HEADER, start);
        if (rc != SQLITE_OK) {
            kbinding_fail(p->binding, CKARTEI_ROLE_WAL, CKARTEI_FAIL_WRITE_PATTERN, 0, 0, start);
            return SQLITE_IOERR_WRITE;
        }
        if (kxts_crypt(&p->xts, 0, start, p->scratch, hdr) != 0) return SQLITE_IOERR_WRITE;
    }
    p->hdr_valid = 0;
    uint8_t salts[8];
    if (wal_sealing_salts(p, hdr, salts) != SQLITE_OK) {
        kbinding_fail(p->binding, CKARTEI_ROLE_WAL, CKARTEI_FAIL_WRITE_PATTERN, 0, 0, start);
        return SQLITE_IOERR_WRITE;
    }
    uint8_t aad[K_AAD_LEN];
    kaad(aad, p->binding->keys->file_id, CKARTEI_ROLE_WAL, get32(hdr), salts);
    if (kgcm_seal(&p->gcm, aad, page, p->scratch, NULL) != 0) return SQLITE_IOERR_WRITE;
    return p->real->pMethods->xWrite(p->real, p->scratch, K_PS, start + CKARTEI_WAL_FRAME_HEADER);
}

static int wal_write(kfile *p, const uint8_t *in, int amt, int64_t ofst) {
    if (ofst == 0 && amt == CKARTEI_WAL_HEADER) {
        uint8_t enc[CKARTEI_WAL_HEADER];
        p->hdr_valid = 0;
        if (kwal_header_crypt(&p->xts, 1, in, enc) != 0) return SQLITE_IOERR_WRITE;
        return p->real->pMethods->xWrite(p->real, enc, CKARTEI_WAL_HEADER, 0);
    }
    if (ofst >= CKARTEI_WAL_HEADER) {
        int64_t index0 = (ofst - CKARTEI_WAL_HEADER) / K_FRAME;
        int within = (int)((ofst - CKARTEI_WAL_HEADER) % K_FRAME);
        int64_t start = frame_start(index0);
        if (within == 0 && amt == CKARTEI_WAL_FRAME_HEADER) return wal_write_header(p, in, start);
        if (within == CKARTEI_WAL_FRAME_HEADER && amt == K_PS) return wal_write_page(p, in, start);
        if (within == 0 && amt == K_FRAME) {
            int rc = wal_write_header(p, in, start);
            if (rc != SQLITE_OK) return rc;
            return wal_write_page(p, in + CKARTEI_WAL_FRAME_HEADER, start);
        }
    }
    /* SQLite splits frame writes only when it pads transactions to sector boundaries, which it
     * does not do with SQLITE_IOCAP_POWERSAFE_OVERWRITE (always reported by this VFS). */
    p->hdr_valid = 0;
    kbinding_fail(p->binding, CKARTEI_ROLE_WAL, CKARTEI_FAIL_WRITE_PATTERN, 0, 0, ofst);
    return SQLITE_IOERR_WRITE;
}

/* ------------------------------------------------------------------------------------------ */
/* Rollback journal                                                                           */
/*
 * A journal is: a 512-byte header (clear), then records of page number (4 bytes), page image
 * (4096) and checksum (4), each read and written as a separate I/O, in that order. The header's
 * own 4-byte fields are also read one by one. A 4-byte I/O that starts exactly where a page image
 * ended is that image's checksum; any other 4-byte I/O is clear (a page number or a header field).
 */

static int journal_pgno(kfile *p, int64_t ofst, uint32_t *pgno) {
    if (p->j_kind == J_U32 && p->j_end == ofst) {
        *pgno = p->j_pgno;
        return SQLITE_OK;
    }
    uint8_t b[4];
    if (ofst < 4) return SQLITE_IOERR_READ;
    int rc = p->real->pMethods->xRead(p->real, b, 4, ofst - 4);
    if (rc != SQLITE_OK) return rc;
    *pgno = get32(b);
    return SQLITE_OK;
}

static int journal_read(kfile *p, uint8_t *out, int amt, int64_t ofst) {
    if (amt == 4 && p->j_kind == J_PAGE && p->j_end == ofst) {
        uint8_t m[4];
        int rc = p->real->pMethods->xRead(p->real, out, 4, ofst);
        p->j_kind = J_NONE;
        if (rc != SQLITE_OK) return rc;
        if (kmask_compute(&p->mask, p->j_nonce, m) != 0) return SQLITE_IOERR_READ;
        for (int i = 0; i < 4; i++) out[i] ^= m[i];
        return SQLITE_OK;
    }
    if (amt == K_PS) {
        uint32_t pgno = 0;
        int rc = journal_pgno(p, ofst, &pgno);
        if (rc != SQLITE_OK) return rc;
        rc = p->real->pMethods->xRead(p->real, out, K_PS, ofst);
        if (rc != SQLITE_OK) {
            p->j_kind = J_NONE;
            return rc;
        }
        uint8_t aad[K_AAD_LEN];
        kaad(aad, p->binding->keys->file_id, CKARTEI_ROLE_JOURNAL, pgno, NULL);
        if (kgcm_open(&p->gcm, aad, out, out, p->j_nonce) != 0) {
            p->j_kind = J_NONE;
            kbinding_fail(p->binding, CKARTEI_ROLE_JOURNAL, CKARTEI_FAIL_AUTH, pgno, 0, ofst);
            return SQLITE_IOERR_DATA;
        }
        p->j_kind = J_PAGE;
        p->j_end = ofst + K_PS;
        return SQLITE_OK;
    }
    int rc = p->real->pMethods->xRead(p->real, out, amt, ofst);
    if (amt == 4 && rc == SQLITE_OK) {
        p->j_kind = J_U32;
        p->j_end = ofst + 4;
        p->j_pgno = get32(out);
    } else {
        p->j_kind = J_NONE;
    }
    return rc;
}

static int journal_write(kfile *p, const uint8_t *in, int amt, int64_t ofst) {
    if (amt == 4 && p->j_kind == J_PAGE && p->j_end == ofst) {
        uint8_t m[4];
        uint8_t masked[4];
        p->j_kind = J_NONE;
        if (kmask_compute(&p->mask, p->j_nonce, m) != 0) return SQLITE_IOERR_WRITE;
        for (int i = 0; i < 4; i++) masked[i] = in[i] ^ m[i];
        return p->real->pMethods->xWrite(p->real, masked, 4, ofst);
    }
    if (amt == K_PS) {
        uint32_t pgno = 0;
        int rc = journal_pgno(p, ofst, &pgno);
        if (rc != SQLITE_OK) {
            kbinding_fail(p->binding, CKARTEI_ROLE_JOURNAL, CKARTEI_FAIL_WRITE_PATTERN, 0, 0, ofst);
            return SQLITE_IOERR_WRITE;
        }
        uint8_t aad[K_AAD_LEN];
        kaad(aad, p->binding->keys->file_id, CKARTEI_ROLE_JOURNAL, pgno, NULL);
        if (kgcm_seal(&p->gcm, aad, in, p->scratch, p->j_nonce) != 0) return SQLITE_IOERR_WRITE;
        rc = p->real->pMethods->xWrite(p->real, p->scratch, K_PS, ofst);
        if (rc != SQLITE_OK) {
            p->j_kind = J_NONE;
            return rc;
        }
        p->j_kind = J_PAGE;
        p->j_end = ofst + K_PS;
        return SQLITE_OK;
    }
    int rc = p->real->pMethods->xWrite(p->real, in, amt, ofst);
    if (amt == 4 && rc == SQLITE_OK) {
        p->j_kind = J_U32;
        p->j_end = ofst + 4;
        p->j_pgno = get32(in);
    } else {
        p->j_kind = J_NONE;
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* sqlite3_io_methods                                                                         */

static int k_close(sqlite3_file *f) {
    kfile *p = (kfile *)f;
    if (p->shm) kshm_unmap(&p->shm, 0);
    int rc = p->real->pMethods ? p->real->pMethods->xClose(p->real) : SQLITE_OK;
    kgcm_free(&p->gcm);
    kxts_free(&p->xts);
    kmask_free(&p->mask);
    if (p->scratch) {
        OPENSSL_cleanse(p->scratch, K_FRAME);
        free(p->scratch);
        p->scratch = NULL;
    }
    if (p->binding) kbinding_release_file(p->binding);
    p->binding = NULL;
    return rc;
}

static int k_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 ofst) {
    kfile *p = (kfile *)f;
    switch (p->role) {
    case CKARTEI_ROLE_MAIN: return main_read(p, buf, amt, ofst);
    case CKARTEI_ROLE_WAL: return wal_read(p, buf, amt, ofst);
    default: return journal_read(p, buf, amt, ofst);
    }
}

static int k_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 ofst) {
    kfile *p = (kfile *)f;
    switch (p->role) {
    case CKARTEI_ROLE_MAIN: return main_write(p, buf, amt, ofst);
    case CKARTEI_ROLE_WAL: return wal_write(p, buf, amt, ofst);
    default: return journal_write(p, buf, amt, ofst);
    }
}

static int k_truncate(sqlite3_file *f, sqlite3_int64 size) {
    kfile *p = (kfile *)f;
    p->hdr_valid = 0;
    p->j_kind = J_NONE;
    return p->real->pMethods->xTruncate(p->real, p->role == CKARTEI_ROLE_MAIN ? size + H : size);
}

static int k_sync(sqlite3_file *f, int flags) {
    kfile *p = (kfile *)f;
    return p->real->pMethods->xSync(p->real, flags);
}

static int k_file_size(sqlite3_file *f, sqlite3_int64 *size) {
    kfile *p = (kfile *)f;
    int rc = p->real->pMethods->xFileSize(p->real, size);
    if (rc == SQLITE_OK && p->role == CKARTEI_ROLE_MAIN) {
        *size = *size > H ? *size - H : 0;
    }
    return rc;
}

static int k_lock(sqlite3_file *f, int level) {
    kfile *p = (kfile *)f;
    return p->real->pMethods->xLock(p->real, level);
}

static int k_unlock(sqlite3_file *f, int level) {
    kfile *p = (kfile *)f;
    return p->real->pMethods->xUnlock(p->real, level);
}

static int k_check_reserved(sqlite3_file *f, int *out) {
    kfile *p = (kfile *)f;
    return p->real->pMethods->xCheckReservedLock(p->real, out);
}

static int k_file_control(sqlite3_file *f, int op, void *arg) {
    kfile *p = (kfile *)f;
    switch (op) {
    case SQLITE_FCNTL_PRAGMA: {
        char **az = (char **)arg;
        if (az[1] && sqlite3_stricmp(az[1], "page_size") == 0 && az[2] && atoi(az[2]) != K_PS) {
            az[0] = sqlite3_mprintf("kartei vaults have a fixed page size of %d bytes", K_PS);
            return SQLITE_ERROR;
        }
        return p->real->pMethods->xFileControl(p->real, op, arg);
    }
    case SQLITE_FCNTL_SIZE_HINT: {
        sqlite3_int64 hint = *(sqlite3_int64 *)arg;
        if (p->role == CKARTEI_ROLE_MAIN) hint += H;
        return p->real->pMethods->xFileControl(p->real, op, &hint);
    }
    case SQLITE_FCNTL_MMAP_SIZE:
        /* Memory-mapped reads would bypass decryption. */
        *(sqlite3_int64 *)arg = 0;
        return SQLITE_OK;
    case SQLITE_FCNTL_VFSNAME: {
        int rc = p->real->pMethods->xFileControl(p->real, op, arg);
        if (rc == SQLITE_OK) {
            *(char **)arg = sqlite3_mprintf("kartei/%z", *(char **)arg);
        }
        return rc;
    }
    default: return p->real->pMethods->xFileControl(p->real, op, arg);
    }
}

static int k_sector_size(sqlite3_file *f) {
    kfile *p = (kfile *)f;
    return p->real->pMethods->xSectorSize(p->real);
}

static int k_device_characteristics(sqlite3_file *f) {
    kfile *p = (kfile *)f;
    int caps = p->real->pMethods->xDeviceCharacteristics(p->real);
    /* Powersafe overwrite keeps journal headers at 512 bytes and WAL frames unsplit; atomic and
     * sub-page capabilities would let SQLite write or read partial pages. */
    caps &= ~(SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_ATOMIC512 | SQLITE_IOCAP_ATOMIC1K | SQLITE_IOCAP_ATOMIC2K |
              SQLITE_IOCAP_ATOMIC4K | SQLITE_IOCAP_ATOMIC8K | SQLITE_IOCAP_ATOMIC16K | SQLITE_IOCAP_ATOMIC32K |
              SQLITE_IOCAP_ATOMIC64K | SQLITE_IOCAP_BATCH_ATOMIC | SQLITE_IOCAP_SUBPAGE_READ);
    return caps | SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

static int k_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **pp) {
    kfile *p = (kfile *)f;
    if (p->role != CKARTEI_ROLE_MAIN) return SQLITE_IOERR_SHMMAP;
    return kshm_map(p->binding, &p->shm, region, size, extend, pp);
}

static int k_shm_lock(sqlite3_file *f, int offset, int n, int flags) {
    kfile *p = (kfile *)f;
    return kshm_lock(p->shm, offset, n, flags);
}

static void k_shm_barrier(sqlite3_file *f) { kshm_barrier(); }

static int k_shm_unmap(sqlite3_file *f, int delete_flag) {
    kfile *p = (kfile *)f;
    return kshm_unmap(&p->shm, delete_flag);
}

/* Version 2: shared memory but no xFetch, so SQLite never memory-maps a vault. */
static const sqlite3_io_methods kartei_io = {
    2,
    k_close,
    k_read,
    k_write,
    k_truncate,
    k_sync,
    k_file_size,
    k_lock,
    k_unlock,
    k_check_reserved,
    k_file_control,
    k_sector_size,
    k_device_characteristics,
    k_shm_map,
    k_shm_lock,
    k_shm_barrier,
    k_shm_unmap,
    NULL,
    NULL,
};

/* ------------------------------------------------------------------------------------------ */
/* sqlite3_vfs                                                                                */

static int k_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags, int *out_flags) {
    kfile *p = (kfile *)f;
    memset(p, 0, sizeof *p);
    p->real = (sqlite3_file *)&p[1];
    int type = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TRANSIENT_DB |
                        SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_SUBJOURNAL |
                        SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL);
    int role;
    const char *db_name;
    switch (type) {
    case SQLITE_OPEN_MAIN_DB:
        role = CKARTEI_ROLE_MAIN;
        db_name = name;
        break;
    case SQLITE_OPEN_WAL:
        role = CKARTEI_ROLE_WAL;
        db_name = name ? sqlite3_filename_database(name) : NULL;
        break;
    case SQLITE_OPEN_MAIN_JOURNAL:
        role = CKARTEI_ROLE_JOURNAL;
        db_name = name ? sqlite3_filename_database(name) : NULL;
        break;
    default:
        /* Temporary files would hold plaintext: refuse (connections use temp_store=MEMORY). */
        return SQLITE_CANTOPEN;
    }
    if (!name || !db_name) return SQLITE_CANTOPEN;
    ckartei_binding *b = kbinding_acquire_for_file(db_name);
    if (!b) return SQLITE_CANTOPEN; /* no key for this database: never open it in clear */
    p->binding = b;
    p->role = role;

    if (role == CKARTEI_ROLE_MAIN) {
        /* The file behind the name must be the one the binding unlocked. */
        struct stat st;
        if (stat(name, &st) != 0 || st.st_dev != b->dev || st.st_ino != b->ino) goto refuse;
    }
    p->scratch = malloc(K_FRAME);
    if (!p->scratch) goto refuse;
    const uint8_t *key = role == CKARTEI_ROLE_MAIN ? b->keys->main_page
                         : role == CKARTEI_ROLE_WAL ? b->keys->wal_page
                                                    : b->keys->journal_page;
    if (kgcm_init(&p->gcm, key) != 0) goto refuse;
    if (role == CKARTEI_ROLE_WAL && kxts_init(&p->xts, b->keys->wal_header) != 0) goto refuse;
    if (role == CKARTEI_ROLE_JOURNAL && kmask_init(&p->mask, b->keys->journal_mask) != 0) goto refuse;

    int rc = unix_vfs->xOpen(unix_vfs, name, p->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        p->real->pMethods = NULL;
        k_close(f);
        f->pMethods = NULL;
        return rc;
    }
    p->base.pMethods = &kartei_io;
    if (role == CKARTEI_ROLE_WAL && !(flags & SQLITE_OPEN_READONLY)) {
        /* Remember that a WAL exists until SQLite deletes it: a WAL lost after a crash is then
         * reported instead of silently losing the transactions in it. */
        if (kbinding_update_state(b, CKARTEI_STATE_WAL_IN_USE, 0) != 0) {
            k_close(f);
            f->pMethods = NULL;
            return SQLITE_IOERR_WRITE;
        }
    }
    return SQLITE_OK;

refuse:
    p->real->pMethods = NULL;
    k_close(f);
    f->pMethods = NULL;
    return SQLITE_CANTOPEN;
}

static int k_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    size_t n = strlen(name);
    if (n > 4 && strcmp(name + n - 4, "-wal") == 0) {
        /* SQLite deletes a WAL only after checkpointing all of it, holding the exclusive lock.
         * Clear the "WAL in use" flag first: a crash between the two steps then leaves a WAL
         * that is simply recovered, never a false "missing WAL". */
        char *db = sqlite3_mprintf("%.*s", (int)(n - 4), name);
        if (db) {
            kbinding_lock();
            ckartei_binding *b = kbinding_find_locked(db);
            if (b && b->has_keys) (void)kbinding_update_state(b, 0, CKARTEI_STATE_WAL_IN_USE);
            kbinding_unlock();
            sqlite3_free(db);
        }
    }
    return unix_vfs->xDelete(unix_vfs, name, sync_dir);
}

static int k_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    return unix_vfs->xAccess(unix_vfs, name, flags, out);
}

static int k_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out) {
    return unix_vfs->xFullPathname(unix_vfs, name, n, out);
}

static void *k_dlopen(sqlite3_vfs *vfs, const char *name) { return NULL; }
static void k_dlerror(sqlite3_vfs *vfs, int n, char *msg) {
    sqlite3_snprintf(n, msg, "loadable extensions are disabled in kartei vaults");
}
static void (*k_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void) { return NULL; }
static void k_dlclose(sqlite3_vfs *vfs, void *h) {}

static int k_randomness(sqlite3_vfs *vfs, int n, char *out) { return unix_vfs->xRandomness(unix_vfs, n, out); }
static int k_sleep(sqlite3_vfs *vfs, int us) { return unix_vfs->xSleep(unix_vfs, us); }
static int k_current_time(sqlite3_vfs *vfs, double *t) { return unix_vfs->xCurrentTime(unix_vfs, t); }
static int k_last_error(sqlite3_vfs *vfs, int n, char *msg) { return unix_vfs->xGetLastError(unix_vfs, n, msg); }
static int k_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *t) {
    return unix_vfs->xCurrentTimeInt64(unix_vfs, t);
}

static void register_vfs(void) {
    unix_vfs = sqlite3_vfs_find("unix");
    if (!unix_vfs || unix_vfs->iVersion < 2) return;
    memset(&kartei_vfs, 0, sizeof kartei_vfs);
    kartei_vfs.iVersion = 2;
    kartei_vfs.szOsFile = (int)sizeof(kfile) + unix_vfs->szOsFile;
    kartei_vfs.mxPathname = unix_vfs->mxPathname;
    kartei_vfs.zName = "kartei";
    kartei_vfs.xOpen = k_open;
    kartei_vfs.xDelete = k_delete;
    kartei_vfs.xAccess = k_access;
    kartei_vfs.xFullPathname = k_full_pathname;
    kartei_vfs.xDlOpen = k_dlopen;
    kartei_vfs.xDlError = k_dlerror;
    kartei_vfs.xDlSym = k_dlsym;
    kartei_vfs.xDlClose = k_dlclose;
    kartei_vfs.xRandomness = k_randomness;
    kartei_vfs.xSleep = k_sleep;
    kartei_vfs.xCurrentTime = k_current_time;
    kartei_vfs.xGetLastError = k_last_error;
    kartei_vfs.xCurrentTimeInt64 = k_current_time64;
    register_rc = sqlite3_vfs_register(&kartei_vfs, 1);
}

int ckartei_vfs_register(void) {
    pthread_once(&register_once, register_vfs);
    return register_rc;
}
