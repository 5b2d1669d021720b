//! Open enumerations: wire names both ways, and a catch-all that keeps values a client
//! does not know yet, so generated enums hold only their data.

/// An enumeration whose members have wire names and whose catch-all keeps any other value.
pub trait WireEnum: Sized {
    /// The member's name on the wire.
    fn as_wire(&self) -> &str;
    /// The member with this wire name, or the catch-all holding the value.
    fn from_wire(value: &str) -> Self;
}

/// Implements `as_str`, `FromStr`, `Display`, `Serialize` and `Deserialize` for a type that
/// implements [`WireEnum`]. (A macro rather than blanket impls: serde's traits cannot be
/// implemented for every `T: WireEnum` outside serde.)
#[macro_export]
macro_rules! wire_enum_traits {
    ($ty:ident) => {
        impl $ty {
            /// The value's name on the wire.
            pub fn as_str(&self) -> &str {
                <Self as $crate::WireEnum>::as_wire(self)
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(<Self as $crate::WireEnum>::from_wire(value))
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::serde::Serialize for $ty {
            fn serialize<S: $crate::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as $crate::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(<Self as $crate::WireEnum>::from_wire(&value))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::WireEnum;

    #[derive(Debug, PartialEq)]
    enum Colour {
        Red,
        Other(String),
    }

    impl WireEnum for Colour {
        fn as_wire(&self) -> &str {
            match self {
                Self::Red => "red",
                Self::Other(v) => v,
            }
        }
        fn from_wire(value: &str) -> Self {
            match value {
                "red" => Self::Red,
                other => Self::Other(other.to_owned()),
            }
        }
    }

    crate::wire_enum_traits!(Colour);

    #[test]
    fn every_trait_goes_through_the_wire_names() {
        assert_eq!(serde_json::to_string(&Colour::Red).unwrap(), "\"red\"");
        assert_eq!(serde_json::from_str::<Colour>("\"red\"").unwrap(), Colour::Red);
        assert_eq!(serde_json::from_str::<Colour>("\"teal\"").unwrap(), Colour::Other("teal".into()));
        assert_eq!("teal".parse::<Colour>().unwrap().to_string(), "teal");
        assert_eq!(Colour::Red.as_str(), "red");
    }
}
