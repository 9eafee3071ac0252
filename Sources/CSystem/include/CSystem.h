#ifndef NEWSDESK_CSYSTEM_H
#define NEWSDESK_CSYSTEM_H

// Thin wrappers over Linux calls whose declarations Swift's Glibc module imports awkwardly
// (packed `struct epoll_event`, variadic or macro-only APIs). Each is a direct pass-through.

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

int csystem_epoll_create(void);
int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
/// Waits for events and copies them into `out`, returning the count (or -1 with errno set).
int csystem_epoll_wait(int epfd, csystem_epoll_event *out, int max_events, int timeout_ms);
int csystem_eventfd(void);
#endif

#endif
