# Verifies and parses one Messenger webhook delivery with libmsgrkit through the ffi gem.
#   MSGRKIT_LIB=/path/to/libmsgrkit.so MSGRKIT_APP_SECRET=... ruby verify_and_parse.rb 'sha256=<hex>' < body.json
# Prints one line per event; exits 1 with the rejection's code.
require 'ffi'
require 'json'

module Msgrkit
  extend FFI::Library
  ffi_lib ENV.fetch('MSGRKIT_LIB', 'msgrkit')
  attach_function :msgrkit_verify_signature, %i[pointer size_t pointer size_t string], :int
  attach_function :msgrkit_parse_webhook, %i[pointer size_t pointer], :int
  attach_function :msgrkit_string_free, %i[pointer], :void
  attach_function :msgrkit_result_code, %i[uint32], :string

  def self.bytes(string)
    pointer = FFI::MemoryPointer.new(:uint8, [string.bytesize, 1].max)
    pointer.put_bytes(0, string)
    pointer
  end

  def self.check(result)
    return if result.zero?

    warn "rejected: #{msgrkit_result_code(result)}"
    exit 1
  end
end

secret = ENV['MSGRKIT_APP_SECRET']
abort "usage: MSGRKIT_APP_SECRET=... ruby #{$PROGRAM_NAME} 'sha256=<hex>' < body.json" if ARGV.size != 1 || secret.nil?
body = $stdin.binmode.read

# Verify the exact bytes received, before parsing anything.
Msgrkit.check(Msgrkit.msgrkit_verify_signature(Msgrkit.bytes(secret), secret.bytesize,
                                               Msgrkit.bytes(body), body.bytesize, ARGV[0]))
out = FFI::MemoryPointer.new(:pointer)
Msgrkit.check(Msgrkit.msgrkit_parse_webhook(Msgrkit.bytes(body), body.bytesize, out))
json = out.read_pointer
notification = JSON.parse(json.read_string.force_encoding(Encoding::UTF_8))
Msgrkit.msgrkit_string_free(json)

notification['events'].each do |event|
  sender = event.dig('sender', 'id') || '-'
  text = event.dig('message', 'text') || ''
  puts "#{event['type']} from #{sender} on page #{event['page_id']}: #{text}"
end
