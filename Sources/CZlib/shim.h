// zlib, for request bodies sent with Content-Encoding: gzip (the system's libz; Debian: zlib1g-dev).
#include <zlib.h>
