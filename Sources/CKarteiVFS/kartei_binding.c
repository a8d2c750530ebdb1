/* Bindings: which vault file has which keys, and the one descriptor used for header I/O. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include "kartei_internal.h"

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static ckartei_binding *registry;

void kbinding_lock(void) { pthread_mutex_lock(&registry_lock); }
void kbinding_unlock(void) { pthread_mutex_unlock(&registry_lock); }

/* The full path SQLite will pass to xOpen for this name. */
static char *full_path(const char *path) {
    sqlite3_vfs *unix_vfs = kartei_underlying_vfs();
    if (!unix_vfs) return NULL;
    int n = unix_vfs->mxPathname + 1;
    char *out = malloc((size_t)n);
    if (!out) return NULL;
    if (unix_vfs->xFullPathname(unix_vfs, path, n, out) != SQLITE_OK) {
        free(out);
        return NULL;
    }
    return out;
}

ckartei_binding *kbinding_find_locked(const char *db_path) {
    for (ckartei_binding *b = registry; b; b = b->next) {
        if (strcmp(b->path, db_path) == 0) return b;
    }
    return NULL;
}

static void destroy_locked(ckartei_binding *b) {
    ckartei_binding **pp = &registry;
    while (*pp && *pp != b) pp = &(*pp)->next;
    if (*pp) *pp = b->next;
    if (b->fd >= 0) close(b->fd);
    if (b->keys) {
        OPENSSL_cleanse(b->keys, sizeof *b->keys);
        munlock(b->keys, sizeof *b->keys);
        free(b->keys);
    }
    pthread_mutex_destroy(&b->failure_lock);
    free(b->path);
    free(b);
}

int ckartei_vfs_attach(const char *path, int create, ckartei_binding **out) {
    *out = NULL;
    if (ckartei_vfs_register() != SQLITE_OK) return EINVAL;
    char *full = full_path(path);
    if (!full) return ENAMETOOLONG;

    kbinding_lock();
    ckartei_binding *b = kbinding_find_locked(full);
    if (b) {
        if (create) {
            kbinding_unlock();
            free(full);
            return EEXIST;
        }
        b->refs++;
        kbinding_unlock();
        free(full);
        *out = b;
        return 0;
    }
    int flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW;
    if (create) flags |= O_CREAT | O_EXCL;
    int fd = open(full, flags, 0600);
    if (fd < 0) {
        int e = errno;
        kbinding_unlock();
        free(full);
        return e;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int e = S_ISREG(st.st_mode) ? errno : EINVAL;
        close(fd);
        kbinding_unlock();
        free(full);
        return e;
    }
    /* The same file under a second name would get a second descriptor whose close drops the
     * first binding's SQLite locks. */
    for (ckartei_binding *o = registry; o; o = o->next) {
        if (o->dev == st.st_dev && o->ino == st.st_ino) {
            close(fd);
            kbinding_unlock();
            free(full);
            return EBUSY;
        }
    }
    b = calloc(1, sizeof *b);
    if (!b) {
        close(fd);
        kbinding_unlock();
        free(full);
        return ENOMEM;
    }
    b->path = full;
    b->fd = fd;
    b->dev = st.st_dev;
    b->ino = st.st_ino;
    b->refs = 1;
    pthread_mutex_init(&b->failure_lock, NULL);
    b->next = registry;
    registry = b;
    kbinding_unlock();
    *out = b;
    return 0;
}

void ckartei_vfs_detach(ckartei_binding *b) {
    if (!b) return;
    kbinding_lock();
    b->refs--;
    if (b->refs <= 0 && b->open_files <= 0) destroy_locked(b);
    kbinding_unlock();
}

int ckartei_vfs_set_keys(ckartei_binding *b, const ckartei_keys *keys) {
    int rc = 0;
    kbinding_lock();
    if (b->has_keys) {
        if (CRYPTO_memcmp(b->keys, keys, sizeof *keys) != 0) rc = EEXIST;
    } else {
        ckartei_keys *k = malloc(sizeof *k);
        if (!k) {
            rc = ENOMEM;
        } else {
            (void)mlock(k, sizeof *k); /* best effort: keep keys out of swap */
            memcpy(k, keys, sizeof *k);
            b->keys = k;
            b->has_keys = 1;
        }
    }
    kbinding_unlock();
    return rc;
}

ckartei_binding *kbinding_acquire_for_file(const char *db_path) {
    kbinding_lock();
    ckartei_binding *b = kbinding_find_locked(db_path);
    if (b && b->has_keys) {
        b->open_files++;
    } else {
        b = NULL;
    }
    kbinding_unlock();
    return b;
}

void kbinding_release_file(ckartei_binding *b) {
    kbinding_lock();
    b->open_files--;
    if (b->refs <= 0 && b->open_files <= 0) destroy_locked(b);
    kbinding_unlock();
}

int ckartei_vfs_open_files(ckartei_binding *b) {
    kbinding_lock();
    int n = b->open_files;
    kbinding_unlock();
    return n;
}

void kbinding_fail(ckartei_binding *b, int role, int kind, int64_t pgno, int64_t frame, int64_t offset) {
    if (!b) return;
    pthread_mutex_lock(&b->failure_lock);
    /* Keep the first failure: it is the one the user should look at. */
    if (b->failure.count == 0) {
        b->failure.role = role;
        b->failure.kind = kind;
        b->failure.page_number = pgno;
        b->failure.frame = frame;
        b->failure.offset = offset;
    }
    b->failure.count++;
    pthread_mutex_unlock(&b->failure_lock);
}

int ckartei_vfs_take_failure(ckartei_binding *b, ckartei_failure *out) {
    pthread_mutex_lock(&b->failure_lock);
    int had = b->failure.count > 0;
    *out = b->failure;
    memset(&b->failure, 0, sizeof b->failure);
    pthread_mutex_unlock(&b->failure_lock);
    return had;
}

int64_t ckartei_vfs_pread(ckartei_binding *b, void *buffer, size_t count, int64_t offset) {
    size_t done = 0;
    while (done < count) {
        ssize_t n = pread(b->fd, (char *)buffer + done, count - done, (off_t)(offset + (int64_t)done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        if (n == 0) break;
        done += (size_t)n;
    }
    return (int64_t)done;
}

int64_t ckartei_vfs_pwrite_sync(ckartei_binding *b, const void *buffer, size_t count, int64_t offset) {
    size_t done = 0;
    while (done < count) {
        ssize_t n = pwrite(b->fd, (const char *)buffer + done, count - done, (off_t)(offset + (int64_t)done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        done += (size_t)n;
    }
    if (fdatasync(b->fd) != 0) return -errno;
    return 0;
}

int64_t ckartei_vfs_file_size(ckartei_binding *b) {
    struct stat st;
    if (fstat(b->fd, &st) != 0) return -errno;
    return (int64_t)st.st_size;
}

int ckartei_vfs_sync(ckartei_binding *b) {
    if (fsync(b->fd) != 0) return errno;
    char *copy = strdup(b->path);
    if (!copy) return ENOMEM;
    int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(copy);
    if (dfd < 0) return errno;
    int rc = fsync(dfd) == 0 ? 0 : errno;
    close(dfd);
    return rc;
}

static int presence(ckartei_binding *b, short type) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = K_PRESENCE_BYTE;
    fl.l_len = 1;
    if (fcntl(b->fd, F_OFD_SETLK, &fl) != 0) {
        return (errno == EACCES || errno == EAGAIN) ? EAGAIN : errno;
    }
    return 0;
}

int ckartei_vfs_presence_lock(ckartei_binding *b, int exclusive) {
    return presence(b, exclusive ? F_WRLCK : F_RDLCK);
}

int ckartei_vfs_presence_unlock(ckartei_binding *b) { return presence(b, F_UNLCK); }

int kbinding_update_state(ckartei_binding *b, uint32_t set, uint32_t clear) {
    uint8_t block[CKARTEI_STATE_SIZE];
    uint64_t counter = 0;
    uint32_t flags = 0;
    if (ckartei_vfs_pread(b, block, sizeof block, CKARTEI_STATE_OFFSET) != (int64_t)sizeof block) return -1;
    if (!ckartei_vfs_state_decode(b->keys, block, &counter, &flags)) return -1;
    uint32_t next = (flags | set) & ~clear;
    if (next == flags) return 0;
    ckartei_vfs_state_encode(b->keys, counter + 1, next, block);
    return ckartei_vfs_pwrite_sync(b, block, sizeof block, CKARTEI_STATE_OFFSET) == 0 ? 0 : -1;
}

int ckartei_vfs_references(ckartei_binding *b) {
    kbinding_lock();
    int n = b->refs;
    kbinding_unlock();
    return n;
}

int ckartei_vfs_exclusive_open(const char *path, int *fd_out) {
    *fd_out = -1;
    int fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return errno;
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = K_PRESENCE_BYTE;
    fl.l_len = 1;
    if (fcntl(fd, F_OFD_SETLK, &fl) != 0) {
        int e = (errno == EACCES || errno == EAGAIN) ? EAGAIN : errno;
        close(fd);
        return e;
    }
    *fd_out = fd;
    return 0;
}

void ckartei_vfs_exclusive_close(int fd) {
    if (fd >= 0) close(fd);
}
