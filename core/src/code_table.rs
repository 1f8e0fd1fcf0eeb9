//! The one way a set of stable codes is defined: a leaf, so every module that defines codes
//! imports it from below, while `codes` (which lists every set) stays at the top.

/// Defines a `code()` method by an exhaustive `match` and a list of every code, from one
/// table. A variant left out of the table does not compile; a code added to the table is
/// in the list, so every host's mapping test sees it.
macro_rules! code_table {
    (
        $(#[$list_meta:meta])* $list:ident: $ty:ident :: $name:ident($recv:ty) {
            $($variant:ident => $code:literal),* $(,)?
        }
        $(other $other:pat => $other_code:expr)?
    ) => {
        $(#[$list_meta])*
        pub const $list: &[&str] = &[$($code),*];

        impl $ty {
            /// The stable snake_case code, identical in every language.
            pub fn $name(self: $recv) -> &'static str {
                match self {
                    $($ty::$variant { .. } => $code,)*
                    $($other => $other_code,)?
                }
            }
        }
    };
}
pub(crate) use code_table;
