/* Authentication of every page of a vault and every frame of its WAL, without SQLite. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include "kartei_internal.h"

static int report(ckartei_verify_callback cb, void *ctx, int role, int kind, int64_t pgno, int64_t frame,
                  int64_t offset) {
    ckartei_failure f = {role, kind, pgno, frame, offset, 1};
    return cb ? cb(ctx, &f) : 0;
}

int64_t ckartei_vfs_verify_main(ckartei_binding *b, ckartei_verify_callback cb, void *ctx) {
    if (!b->has_keys) return -EINVAL;
    int64_t size = ckartei_vfs_file_size(b);
    if (size < 0) return size;
    uint8_t *page = malloc(K_PS);
    if (!page) return -ENOMEM;
    kgcm g;
    if (kgcm_init(&g, b->keys->main_page) != 0) {
        free(page);
        return -EINVAL;
    }
    int64_t checked = 0;
    int64_t pages = size > H_REGION_SIZE ? (size - H_REGION_SIZE) / K_PS : 0;
    for (int64_t i = 0; i < pages; i++) {
        uint32_t pgno = (uint32_t)(i + 1);
        int64_t off = H_REGION_SIZE + i * K_PS;
        if (pgno == K_LOCK_PAGE) continue;
        if (ckartei_vfs_pread(b, page, K_PS, off) != K_PS) {
            free(page);
            kgcm_free(&g);
            return -EIO;
        }
        uint8_t aad[K_AAD_LEN];
        kaad(aad, b->keys->file_id, CKARTEI_ROLE_MAIN, pgno, NULL);
        checked++;
        if (kgcm_open(&g, aad, page, page, NULL) != 0) {
            if (report(cb, ctx, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_AUTH, pgno, 0, off)) break;
        }
    }
    if (size > H_REGION_SIZE && (size - H_REGION_SIZE) % K_PS != 0) {
        report(cb, ctx, CKARTEI_ROLE_MAIN, CKARTEI_FAIL_PARTIAL_PAGE, pages + 1, 0, H_REGION_SIZE + pages * K_PS);
    }
    OPENSSL_cleanse(page, K_PS);
    free(page);
    kgcm_free(&g);
    return checked;
}

int64_t ckartei_vfs_verify_wal(ckartei_binding *b, const char *wal_path, ckartei_verify_callback cb, void *ctx,
                               int64_t *frames_in_generation) {
    *frames_in_generation = 0;
    if (!b->has_keys) return -EINVAL;
    /* SQLite holds no POSIX locks on the WAL file itself, so a short-lived descriptor is safe. */
    int fd = open(wal_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return errno == ENOENT ? 0 : -errno;
    uint8_t rawhdr[CKARTEI_WAL_HEADER];
    uint8_t walhdr[CKARTEI_WAL_HEADER];
    ssize_t n = pread(fd, rawhdr, sizeof rawhdr, 0);
    if (n != (ssize_t)sizeof rawhdr) {
        close(fd);
        return 0; /* empty or header-less WAL: nothing to check */
    }
    uint8_t *frame = malloc(K_FRAME);
    if (!frame) {
        close(fd);
        return -ENOMEM;
    }
    kgcm g;
    kxts x;
    if (kgcm_init(&g, b->keys->wal_page) != 0 || kxts_init(&x, b->keys->wal_header) != 0) {
        free(frame);
        close(fd);
        return -EINVAL;
    }
    int64_t checked = 1;
    if (kwal_header_crypt(&x, 0, rawhdr, walhdr) != 0 || !kwal_header_valid(walhdr)) {
        report(cb, ctx, CKARTEI_ROLE_WAL, CKARTEI_FAIL_AUTH, 0, 0, 0);
        OPENSSL_cleanse(frame, K_FRAME);
        free(frame);
        kgcm_free(&g);
        kxts_free(&x);
        close(fd);
        return checked;
    }
    for (int64_t i = 0;; i++) {
        int64_t start = CKARTEI_WAL_HEADER + i * K_FRAME;
        n = pread(fd, frame, K_FRAME, start);
        if (n != K_FRAME) break;
        uint8_t hdr[CKARTEI_WAL_FRAME_HEADER];
        if (kxts_crypt(&x, 0, start, frame, hdr) != 0) break;
        uint32_t pgno = ((uint32_t)hdr[0] << 24) | ((uint32_t)hdr[1] << 16) | ((uint32_t)hdr[2] << 8) | hdr[3];
        int zero = 1;
        for (int k = 8; k < 16; k++) zero &= hdr[k] == 0;
        int current = memcmp(hdr + 8, walhdr + 16, 8) == 0;
        /* Same rule as the VFS: pages are sealed with their generation's salts; a frame whose salts
         * are still zero belongs to the current generation if it authenticates under its salts,
         * and is otherwise an unfinished leftover SQLite ignores. */
        const uint8_t *salts = zero ? walhdr + 16 : hdr + 8;
        uint8_t aad[K_AAD_LEN];
        kaad(aad, b->keys->file_id, CKARTEI_ROLE_WAL, pgno, salts);
        checked++;
        int ok = kgcm_open(&g, aad, frame + CKARTEI_WAL_FRAME_HEADER, frame + CKARTEI_WAL_FRAME_HEADER, NULL) == 0;
        if (current || (zero && ok)) (*frames_in_generation)++;
        if (!ok && !zero) {
            if (report(cb, ctx, CKARTEI_ROLE_WAL, CKARTEI_FAIL_AUTH, current ? pgno : 0, i + 1, start)) break;
        }
    }
    OPENSSL_cleanse(frame, K_FRAME);
    free(frame);
    kgcm_free(&g);
    kxts_free(&x);
    close(fd);
    return checked;
}

int ckartei_wal_frame_open(const ckartei_keys *keys, const uint8_t *frame, int64_t offset,
                           const uint8_t generation_salts[8], uint8_t header_out[24], uint8_t *page_out) {
    kxts x;
    kgcm g;
    if (kxts_init(&x, keys->wal_header) != 0) return -1;
    if (kgcm_init(&g, keys->wal_page) != 0) {
        kxts_free(&x);
        return -1;
    }
    int rc = kxts_crypt(&x, 0, offset, frame, header_out);
    if (rc == 0) {
        uint32_t pgno = ((uint32_t)header_out[0] << 24) | ((uint32_t)header_out[1] << 16) |
                        ((uint32_t)header_out[2] << 8) | header_out[3];
        int zero = 1;
        for (int k = 8; k < 16; k++) zero &= header_out[k] == 0;
        uint8_t aad[K_AAD_LEN];
        kaad(aad, keys->file_id, CKARTEI_ROLE_WAL, pgno, zero ? generation_salts : header_out + 8);
        rc = kgcm_open(&g, aad, frame + CKARTEI_WAL_FRAME_HEADER, page_out, NULL);
    }
    kxts_free(&x);
    kgcm_free(&g);
    return rc;
}

int ckartei_wal_header_open(const ckartei_keys *keys, const uint8_t in[32], uint8_t out[32]) {
    kxts x;
    if (kxts_init(&x, keys->wal_header) != 0) return -1;
    int rc = kwal_header_crypt(&x, 0, in, out);
    kxts_free(&x);
    if (rc != 0) return -1;
    return kwal_header_valid(out) ? 0 : -1;
}
