/* tmpf.h: scratch files that vanish with the process: made in $TMPDIR (else
 * /tmp, as tmpfile() would not) and unlinked at once, so nothing is left
 * behind however the process ends. */
#ifndef SCHEDSIM_TMPF_H
#define SCHEDSIM_TMPF_H

#include <stdio.h>

/* Where scratch files go: $TMPDIR when set and not empty, else /tmp. */
const char *tmpf_dir(void);

/* A new file open for reading and writing ("w+"), already unlinked; tag
 * names it while it exists (schedsim-TAG-XXXXXX), for whoever lists the
 * directory at that instant.  NULL with errno set on failure. */
FILE *tmpf_open(const char *tag);

#endif
