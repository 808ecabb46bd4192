/* Makes the file-system calls of a real factdb process fail on cue, so that
 * the failure paths of writing, flushing and renaming are tested rather
 * than hoped for. Preloaded (LD_PRELOAD) into the built binary by the tests;
 * factdb itself has no test hooks.
 *
 *   FACTDB_FAULT=CALL:N:ERRNO   the Nth call of CALL (counting from 1) and
 *                               every later one fail with ERRNO
 *
 * CALL is one of pwrite64, pwrite, write, fsync, fdatasync, rename; ERRNO is
 * EIO, ENOSPC, EXDEV, EPERM or EACCES. write fails only on descriptors above
 * 2, so that messages still reach standard error. */
#include <dlfcn.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace {

std::atomic<long> calls{0};

bool should_fail(const char* call) {
  const char* spec = getenv("FACTDB_FAULT");
  size_t n = std::strlen(call);
  if (!spec || std::strncmp(spec, call, n) != 0 || spec[n] != ':') return false;
  long nth = std::strtol(spec + n + 1, nullptr, 10);
  const char* name = std::strchr(spec + n + 1, ':');
  if (++calls < nth || !name) return false;
  name++;
  errno = !std::strcmp(name, "ENOSPC") ? ENOSPC : !std::strcmp(name, "EXDEV") ? EXDEV : !std::strcmp(name, "EPERM") ? EPERM
          : !std::strcmp(name, "EACCES") ? EACCES : EIO;
  return true;
}

}  // namespace

#define NEXT(name) (reinterpret_cast<decltype(&name)>(dlsym(RTLD_NEXT, #name)))

extern "C" {

ssize_t pwrite64(int fd, const void* buf, size_t count, off_t offset) {
  if (should_fail("pwrite64")) return -1;
  return NEXT(pwrite64)(fd, buf, count, offset);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
  if (should_fail("pwrite")) return -1;
  return NEXT(pwrite)(fd, buf, count, offset);
}

ssize_t write(int fd, const void* buf, size_t count) {
  if (fd > 2 && should_fail("write")) return -1;
  return NEXT(write)(fd, buf, count);
}

int fsync(int fd) {
  if (should_fail("fsync")) return -1;
  return NEXT(fsync)(fd);
}

int fdatasync(int fd) {
  if (should_fail("fdatasync")) return -1;
  return NEXT(fdatasync)(fd);
}

int rename(const char* from, const char* to) {
  if (should_fail("rename")) return -1;
  return NEXT(rename)(from, to);
}

}  // extern "C"
