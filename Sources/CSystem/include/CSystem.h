#ifndef NEWSDESK_CSYSTEM_H
#define NEWSDESK_CSYSTEM_H

// Thin wrappers over Linux calls whose declarations Swift's Glibc module imports awkwardly
// (packed `struct epoll_event`, variadic or macro-only APIs, enum-typed flags). Each does one job.

#include <stdint.h>
#include <sys/types.h>

#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

/// An epoll event in an unpacked layout that Swift can build and read field by field.
typedef struct {
    uint32_t events;
    uint64_t data;
} csystem_epoll_event;

static const uint32_t CSYSTEM_EPOLLIN = EPOLLIN;
static const uint32_t CSYSTEM_EPOLLOUT = EPOLLOUT;
static const uint32_t CSYSTEM_EPOLLRDHUP = EPOLLRDHUP;
static const uint32_t CSYSTEM_EPOLLHUP = EPOLLHUP;
static const uint32_t CSYSTEM_EPOLLERR = EPOLLERR;
static const int CSYSTEM_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
static const int CSYSTEM_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
static const int CSYSTEM_EPOLL_CTL_DEL = EPOLL_CTL_DEL;

int csystem_epoll_create(void);
int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
/// Waits for events and copies them into `out`, returning the count (or -1 with errno set).
int csystem_epoll_wait(int epfd, csystem_epoll_event *out, int max_events, int timeout_ms);
int csystem_eventfd(void);
/// Adds one to an eventfd counter, waking whoever polls it; safe from any thread.
int csystem_eventfd_signal(int fd);
/// Resets an eventfd counter after a wake-up.
void csystem_eventfd_drain(int fd);

#endif

/// CLOCK_MONOTONIC in nanoseconds: the clock of every timeout.
uint64_t csystem_monotonic_nanoseconds(void);

/// Resolves `host` (numeric or name) and returns a non-blocking listening socket bound to it, or a
/// negative value: -1 with errno set for a socket call, -2 when the host does not resolve.
/// `reuse_port` lets several loops bind the same port (SO_REUSEPORT).
int csystem_listen(const char *host, int port, int backlog, int reuse_port);
/// The local port a socket is bound to, or -1.
int csystem_local_port(int fd);
/// Accepts one connection as non-blocking and close-on-exec with TCP_NODELAY set, writing the peer
/// as "ip:port" (IPv6 as "[ip]:port") into `peer`. Returns the fd, or -1 with errno set.
int csystem_accept(int listen_fd, char *peer, size_t peer_capacity);
/// send(2) without SIGPIPE on a closed peer.
ssize_t csystem_send(int fd, const void *bytes, size_t count);
/// shutdown(2) of the write side.
int csystem_shutdown_write(int fd);

/// Raises the soft limit on open descriptors towards `wanted` (never above the hard limit) and
/// returns the soft limit in force afterwards.
uint64_t csystem_raise_open_file_limit(uint64_t wanted);

/// Returns memory that malloc holds freed to the system (glibc's malloc_trim; nothing elsewhere).
void csystem_release_free_memory(void);

/// Self-pipe signal forwarding: a pipe whose write end is non-blocking, both ends close-on-exec.
int csystem_signal_pipe(int fds[2]);
/// Installs a handler for `signo` that writes the signal number as one byte to `write_fd`, the one
/// async-signal-safe thing it does. One forwarding descriptor per process.
int csystem_signal_forward(int signo, int write_fd);
/// Unblocks `signo` for the calling thread and the threads it starts later: a process spawned by a
/// parent whose thread blocked the signal inherits that mask, and would never see the signal.
int csystem_signal_unblock(int signo);
/// Gives `signo` its default action back and stops forwarding.
void csystem_signal_restore(int signo);

#endif
