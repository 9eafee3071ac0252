#!/usr/bin/env bash
# Writes a private test CA and certificates signed by it into DIR, for the TLS tests and the CI
# sslyze check. Nothing here is secret or long-lived: every run makes fresh keys valid for 30 days
# (Mozilla's intermediate profile wants at most 366).
#   ca.pem                          the CA clients trust (curl --cacert, openssl s_client -CAfile)
#   server.pem server.key           localhost / 127.0.0.1, EC P-256
#   renewed.pem renewed.key         the same names, a new key: what a certificate renewal looks like
#   other.key                       a key that matches neither certificate
#   encrypted.key                   server.key under a passphrase (PKCS#8)
#   encrypted-legacy.key            the same in the older "Proc-Type: 4,ENCRYPTED" PEM form
set -euo pipefail
dir=${1:?usage: make-test-certificates.sh DIR}
mkdir -p "$dir"
cd "$dir"
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key
openssl req -x509 -new -key ca.key -sha256 -days 30 -subj "/CN=Newsdesk test CA" -out ca.pem 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
  > server.ext
for name in server renewed; do
  key "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=localhost/O=$name" -out "$name.csr" 2>/dev/null
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days 30 \
    -extfile server.ext -out "$name.pem" 2>/dev/null
  rm "$name.csr"
done
key other.key
openssl pkey -in server.key -aes256 -passout pass:newsdesk-test -out encrypted.key
openssl ec -in server.key -aes256 -passout pass:newsdesk-test -out encrypted-legacy.key 2>/dev/null
