/* Verifies and parses one Messenger webhook delivery, as a web handler would.
 *   MSGRKIT_APP_SECRET=... ./verify_and_parse 'sha256=<hex>' < body.json
 * Prints the events as JSON and exits 0, or prints the rejection's code and exits 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <msgrkit.h>

static unsigned char *read_all(FILE *in, size_t *len) {
    size_t cap = 1 << 16;
    unsigned char *buf = malloc(cap);
    *len = 0;
    size_t n;
    while (buf && (n = fread(buf + *len, 1, cap - *len, in)) > 0) {
        *len += n;
        if (*len == cap) {
            unsigned char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
        }
    }
    return buf;
}

int main(int argc, char **argv) {
    const char *secret = getenv("MSGRKIT_APP_SECRET");
    if (argc != 2 || secret == NULL) {
        fprintf(stderr, "usage: MSGRKIT_APP_SECRET=... %s 'sha256=<hex>' < body.json\n", argv[0]);
        return 2;
    }
    size_t len;
    unsigned char *body = read_all(stdin, &len);
    if (body == NULL) return 2;

    /* Verify the exact bytes received, before parsing anything. */
    msgrkit_result r = msgrkit_verify_signature((const uint8_t *)secret, strlen(secret), body, len, argv[1]);
    if (r == MSGRKIT_RESULT_OK) {
        char *events = NULL;
        r = msgrkit_parse_webhook(body, len, &events);
        if (r == MSGRKIT_RESULT_OK) {
            puts(events);
            msgrkit_string_free(events);
        }
    }
    free(body);
    if (r != MSGRKIT_RESULT_OK) {
        char message[256];
        msgrkit_last_error(message, sizeof message);
        fprintf(stderr, "rejected: %s (%s)\n", msgrkit_result_code(r), message);
        return 1;
    }
    return 0;
}
