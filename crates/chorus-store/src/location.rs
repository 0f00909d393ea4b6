//! Where a store is: the `--db` value. A `postgres://` or `postgresql://`
//! URL names a PostgreSQL database; anything else is the path of an SQLite
//! file. Shown, a location never includes a password.

use std::fmt;
use std::path::PathBuf;

/// Where a store is, as `--db` names it.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// An SQLite file (created when missing).
    Sqlite(PathBuf),
    /// A PostgreSQL database.
    Postgres(PostgresUrl),
}

impl Location {
    /// Reads a `--db` value. Nothing is checked here: a URL that does not
    /// parse is refused when the store is opened, by an error that does
    /// not repeat it.
    pub fn parse(text: &str) -> Location {
        let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Location::Postgres(PostgresUrl(text.to_string()))
        } else {
            Location::Sqlite(PathBuf::from(text))
        }
    }
}

impl std::str::FromStr for Location {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Location, Self::Err> {
        Ok(Location::parse(text))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => write!(f, "{url}"),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Location::Postgres(url) => f.debug_tuple("Postgres").field(url).finish(),
        }
    }
}

/// A PostgreSQL connection URL. It is shown (`Display`, `Debug`) without
/// its password; only [`PostgresUrl::secret`] gives it whole.
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresUrl(String);

impl PostgresUrl {
    /// A URL as given (checked when the store is opened).
    pub fn new(url: impl Into<String>) -> PostgresUrl {
        PostgresUrl(url.into())
    }

    /// The URL with its password, for connecting: never for messages.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PostgresUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.0))
    }
}

impl fmt::Debug for PostgresUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", redact(&self.0))
    }
}

/// `url` without a password: the one in its user part
/// (`postgres://user:secret@host`) and a `password=` parameter are left
/// out, whatever else the URL holds, even when it does not parse. A
/// password may hold any character when it is not percent-encoded, so the
/// user part is taken to run to the last `@`, and only the user name
/// before it is kept.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "a PostgreSQL URL".to_string();
    };
    let (user, rest) = match rest.rfind('@') {
        Some(at) => {
            let user = &rest[..at];
            let name_end = user.find([':', '/', '?', '&']).unwrap_or(user.len());
            (Some(&user[..name_end]), &rest[at + 1..])
        }
        None => (None, rest),
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (hosts, tail) = rest.split_at(end);
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|pair| {
                    let key = pair.split('=').next().unwrap_or_default();
                    !key.eq_ignore_ascii_case("password")
                })
                .collect();
            if kept.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => tail.to_string(),
    };
    match user {
        Some(user) => format!("{scheme}://{user}@{hosts}{tail}"),
        None => format!("{scheme}://{hosts}{tail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_postgres_and_the_rest_are_files() {
        assert!(matches!(
            Location::parse("postgres://u@h/db"),
            Location::Postgres(_)
        ));
        assert!(matches!(
            Location::parse("PostgreSQL://u@h/db"),
            Location::Postgres(_)
        ));
        assert_eq!(
            Location::parse("chorus.db"),
            Location::Sqlite(PathBuf::from("chorus.db"))
        );
        assert_eq!(
            Location::parse("postgres.db"),
            Location::Sqlite(PathBuf::from("postgres.db"))
        );
    }

    #[test]
    fn passwords_are_never_shown() {
        let shown = |url: &str| Location::parse(url).to_string();
        assert_eq!(
            shown("postgres://chorus:s3cret@db.example:5432/news"),
            "postgres://chorus@db.example:5432/news"
        );
        assert_eq!(
            shown("postgresql://chorus:p@ss:w0rd@h1:5432,h2:5433/news?sslmode=disable"),
            "postgresql://chorus@h1:5432,h2:5433/news?sslmode=disable"
        );
        assert_eq!(
            shown("postgres://h/news?user=chorus&password=s3cret&application_name=x"),
            "postgres://h/news?user=chorus&application_name=x"
        );
        assert_eq!(
            shown("postgres://h/news?PASSWORD=s3cret"),
            "postgres://h/news"
        );
        assert_eq!(shown("postgres://chorus@h"), "postgres://chorus@h");
        // Unencoded characters in a password hide nothing of it.
        assert_eq!(shown("postgres://u:pa/ss@h/db"), "postgres://u@h/db");
        assert!(!shown("postgres://h/db?password=s3cret&application_name=a@b").contains("s3cret"));
        let debug = format!("{:?}", Location::parse("postgres://u:s3cret@h/db"));
        assert!(!debug.contains("s3cret"), "{debug}");
    }
}
