/*
 * The WAL index of a vault, kept in POSIX shared memory instead of a "-shm" file on disk.
 *
 * SQLite's wal-index holds the checksum of the last WAL frame, computed over plaintext. The unix
 * VFS keeps it in a memory-mapped "-shm" file that the kernel writes to disk; here the memory
 * comes from shm_open(3) (tmpfs, RAM only) and the "-shm" file stays empty: it only carries the
 * locks. Locks are open-file-description locks (F_OFD_SETLK), one descriptor per connection, so
 * two connections of one process exclude each other exactly like two processes do, with no
 * in-process bookkeeping. The dead-man-switch byte follows the unix VFS protocol: the first
 * connection to attach (nobody else holds the DMS byte) truncates the shared memory.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kartei_internal.h"

/* Same byte offsets as the unix VFS: eight locks from 120, the DMS byte at 128. */
#define SHM_LOCK_BASE 120
#define SHM_DMS 128

struct kshm {
    int lock_fd;
    int mem_fd;
    char name[96];
    char *lock_path;
    int n_region;
    int sz_region;
    void **regions;
};

static int ofd_lock(int fd, short type, off_t start, off_t len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, F_OFD_SETLK, &fl);
}

static void shm_free(kshm *s) {
    for (int i = 0; i < s->n_region; i++) {
        if (s->regions[i]) munmap(s->regions[i], (size_t)s->sz_region);
    }
    free(s->regions);
    if (s->mem_fd >= 0) close(s->mem_fd);
    if (s->lock_fd >= 0) close(s->lock_fd);
    free(s->lock_path);
    free(s);
}

static int shm_attach(ckartei_binding *b, kshm **out) {
    kshm *s = calloc(1, sizeof *s);
    if (!s) return SQLITE_NOMEM;
    s->lock_fd = -1;
    s->mem_fd = -1;
    size_t n = strlen(b->path) + 5;
    s->lock_path = malloc(n);
    if (!s->lock_path) {
        shm_free(s);
        return SQLITE_NOMEM;
    }
    snprintf(s->lock_path, n, "%s-shm", b->path);
    snprintf(s->name, sizeof s->name, "/kartei-%llx-%llx", (unsigned long long)b->dev, (unsigned long long)b->ino);

    s->lock_fd = open(s->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (s->lock_fd < 0) {
        shm_free(s);
        return SQLITE_CANTOPEN;
    }
    s->mem_fd = shm_open(s->name, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (s->mem_fd < 0) {
        shm_free(s);
        return SQLITE_IOERR_SHMOPEN;
    }

    /* Dead-man switch. */
    struct flock probe;
    memset(&probe, 0, sizeof probe);
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = SHM_DMS;
    probe.l_len = 1;
    if (fcntl(s->lock_fd, F_OFD_GETLK, &probe) != 0) {
        shm_free(s);
        return SQLITE_IOERR_LOCK;
    }
    if (probe.l_type == F_UNLCK) {
        if (ofd_lock(s->lock_fd, F_WRLCK, SHM_DMS, 1) != 0) {
            shm_free(s);
            return SQLITE_BUSY;
        }
        if (ftruncate(s->mem_fd, 0) != 0) {
            shm_free(s);
            return SQLITE_IOERR_SHMSIZE;
        }
    } else if (probe.l_type == F_WRLCK) {
        shm_free(s);
        return SQLITE_BUSY;
    }
    if (ofd_lock(s->lock_fd, F_RDLCK, SHM_DMS, 1) != 0) {
        shm_free(s);
        return SQLITE_BUSY;
    }
    *out = s;
    return SQLITE_OK;
}

int kshm_map(ckartei_binding *b, kshm **pshm, int region, int size, int extend, void volatile **pp) {
    *pp = NULL;
    if (!*pshm) {
        int rc = shm_attach(b, pshm);
        if (rc != SQLITE_OK) return rc;
    }
    kshm *s = *pshm;
    if (s->n_region > 0 && s->sz_region != size) return SQLITE_IOERR_SHMMAP;
    s->sz_region = size;
    if (region < s->n_region) {
        *pp = s->regions[region];
        return SQLITE_OK;
    }
    struct stat st;
    if (fstat(s->mem_fd, &st) != 0) return SQLITE_IOERR_SHMSIZE;
    off_t need = (off_t)(region + 1) * size;
    if (st.st_size < need) {
        if (!extend) return SQLITE_OK;
        /* Grow by writing the last byte of each new page: never shrinks what another process
         * has already mapped, and allocates the memory now rather than at first touch. */
        const off_t pgsz = 4096;
        for (off_t pg = st.st_size / pgsz; pg < need / pgsz; pg++) {
            if (pwrite(s->mem_fd, "", 1, pg * pgsz + pgsz - 1) != 1) return SQLITE_IOERR_SHMSIZE;
        }
    }
    void **grown = realloc(s->regions, sizeof(void *) * (size_t)(region + 1));
    if (!grown) return SQLITE_IOERR_NOMEM;
    s->regions = grown;
    while (s->n_region <= region) {
        void *m = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, s->mem_fd, (off_t)s->n_region * size);
        if (m == MAP_FAILED) return SQLITE_IOERR_SHMMAP;
        s->regions[s->n_region++] = m;
    }
    *pp = s->regions[region];
    return SQLITE_OK;
}

int kshm_lock(kshm *s, int offset, int n, int flags) {
    if (!s) return SQLITE_IOERR_SHMLOCK;
    short type;
    if (flags & SQLITE_SHM_UNLOCK) {
        type = F_UNLCK;
    } else if (flags & SQLITE_SHM_SHARED) {
        type = F_RDLCK;
    } else {
        type = F_WRLCK;
    }
    if (ofd_lock(s->lock_fd, type, SHM_LOCK_BASE + offset, n) != 0) {
        return (errno == EAGAIN || errno == EACCES) ? SQLITE_BUSY : SQLITE_IOERR_SHMLOCK;
    }
    return SQLITE_OK;
}

void kshm_barrier(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

int kshm_unmap(kshm **pshm, int delete_flag) {
    kshm *s = *pshm;
    if (!s) return SQLITE_OK;
    *pshm = NULL;
    if (delete_flag) {
        /* SQLite sets delete_flag only while it holds the exclusive database lock: nobody else
         * has the vault open. */
        shm_unlink(s->name);
        unlink(s->lock_path);
    }
    shm_free(s);
    return SQLITE_OK;
}
