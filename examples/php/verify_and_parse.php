<?php
// Verifies and parses one Messenger webhook delivery with libmsgrkit through PHP's FFI.
//   MSGRKIT_LIB=/path/to/libmsgrkit.so MSGRKIT_APP_SECRET=... php verify_and_parse.php 'sha256=<hex>' < body.json
// Prints one line per event; exits 1 with the rejection's code.

$ffi = FFI::cdef(<<<'C'
    int msgrkit_verify_signature(const char *app_secret, size_t app_secret_len,
                                 const char *body, size_t body_len, const char *header);
    int msgrkit_parse_webhook(const char *body, size_t body_len, char **out_json);
    void msgrkit_string_free(char *string);
    const char *msgrkit_result_code(uint32_t result);
    C, getenv('MSGRKIT_LIB') ?: 'libmsgrkit.so');

function code(FFI $ffi, int $result): string {
    $code = $ffi->msgrkit_result_code($result);
    return is_string($code) ? $code : FFI::string($code);
}

$secret = getenv('MSGRKIT_APP_SECRET');
if ($argc !== 2 || $secret === false) {
    fwrite(STDERR, "usage: MSGRKIT_APP_SECRET=... php verify_and_parse.php 'sha256=<hex>' < body.json\n");
    exit(2);
}
$body = stream_get_contents(STDIN);

// Verify the exact bytes received, before parsing anything.
$result = $ffi->msgrkit_verify_signature($secret, strlen($secret), $body, strlen($body), $argv[1]);
if ($result !== 0) {
    fwrite(STDERR, 'rejected: ' . code($ffi, $result) . "\n");
    exit(1);
}
$out = $ffi->new('char *');
$result = $ffi->msgrkit_parse_webhook($body, strlen($body), FFI::addr($out));
if ($result !== 0) {
    fwrite(STDERR, 'rejected: ' . code($ffi, $result) . "\n");
    exit(1);
}
$notification = json_decode(FFI::string($out), true);
$ffi->msgrkit_string_free($out);

foreach ($notification['events'] as $event) {
    $sender = $event['sender']['id'] ?? '-';
    $text = $event['message']['text'] ?? '';
    echo "{$event['type']} from {$sender} on page {$event['page_id']}: {$text}\n";
}
