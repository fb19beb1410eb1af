#ifndef CICAL_SHIM_H
#define CICAL_SHIM_H
#include <libical/ical.h>
#endif
