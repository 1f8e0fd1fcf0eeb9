//! IDs derived from what identifies a thing on Meta's side, in each vendor's ID format:
//! the same Page, person and `mid` always give the same ID, so a redelivered webhook
//! yields the same callback.

use sha2::{Digest, Sha256};

use super::Vendor;

/// Crockford's base32, as ULIDs use it.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The vendor's ID for `parts`: Sinch a 26-character ULID shape, Smooch and Sunshine 24
/// hex digits (a MongoDB ObjectId shape), Linktor a UUID (version 8, "custom").
pub(super) fn derive(vendor: Vendor, parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    hash.update(b"msgrkit.emit.v1");
    hash.update(format!("{vendor:?}").as_bytes());
    for part in parts {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part.as_bytes());
    }
    let digest = hash.finalize();
    match vendor {
        Vendor::Sinch => ulid(&digest),
        Vendor::Smooch | Vendor::Sunshine => hex(&digest[..12]),
        Vendor::Linktor => uuid(&digest),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 128 bits as 26 Crockford characters; the first is 0–7, as in every valid ULID.
fn ulid(digest: &[u8]) -> String {
    let value = u128::from_be_bytes(digest[..16].try_into().expect("16 bytes"));
    (0..26)
        .rev()
        .map(|i| CROCKFORD[((value >> (i * 5)) & 31) as usize] as char)
        .collect()
}

fn uuid(digest: &[u8]) -> String {
    let mut bytes: [u8; 16] = digest[..16].try_into().expect("16 bytes");
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let h = hex(&bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_vendor_has_its_own_stable_shape() {
        let sinch = derive(Vendor::Sinch, &["user", "P", "1"]);
        assert_eq!(sinch.len(), 26);
        assert!(sinch.starts_with(|c: char| ('0'..='7').contains(&c)));
        assert!(sinch.bytes().all(|b| CROCKFORD.contains(&b)));
        assert_eq!(sinch, derive(Vendor::Sinch, &["user", "P", "1"]));
        let smooch = derive(Vendor::Smooch, &["user", "P", "1"]);
        assert_eq!(smooch.len(), 24);
        assert!(smooch.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(smooch, derive(Vendor::Sunshine, &["user", "P", "1"]));
        let linktor = derive(Vendor::Linktor, &["user", "P", "1"]);
        assert_eq!(linktor.len(), 36);
        assert_eq!(&linktor[14..15], "8");
        assert_ne!(
            derive(Vendor::Sinch, &["ab", "c"]),
            derive(Vendor::Sinch, &["a", "bc"])
        );
    }
}
