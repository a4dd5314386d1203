// The system's OpenSSL 3 libcrypto, for RSA DKIM signatures only (ADR 0012: its RSA uses this
// CPU's vector units, swift-crypto's BoringSSL does not). Debian/Ubuntu: libssl-dev.
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/err.h>
