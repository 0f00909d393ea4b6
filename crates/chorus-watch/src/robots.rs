//! `robots.txt`, fetched once per site and run, asked before an article
//! page is fetched. Feeds themselves are published to be polled, so they
//! are not checked (as feed readers do).

use std::collections::HashMap;
use std::sync::Mutex;

use texting_robots::Robot;

use crate::http::{Answer, Conditions, FetchError, Fetcher};

/// The product token matched against `User-agent:` lines.
const AGENT: &str = "chorus";

/// What a site's `robots.txt` says, per site (scheme, host and port).
#[derive(Default)]
pub struct RobotsCache {
    sites: Mutex<HashMap<String, Rules>>,
}

#[derive(Clone)]
enum Rules {
    /// No `robots.txt` (4xx) or an empty one: everything allowed.
    AllowAll,
    /// Its rules.
    Parsed(std::sync::Arc<Robot>),
    /// It could not be read (5xx, network): nothing fetched from the site
    /// this run, as the convention asks.
    Unavailable(String),
}

impl RobotsCache {
    /// Whether `url` may be fetched; `Err` says why not.
    pub fn check(&self, fetcher: &Fetcher, url: &str) -> Result<(), String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("bad address: {e}"))?;
        let site = parsed.origin().ascii_serialization();
        let known = self
            .sites
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&site)
            .cloned();
        let rules = match known {
            Some(rules) => rules,
            None => {
                let rules = fetch_rules(fetcher, &site);
                self.sites
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(site, rules.clone());
                rules
            }
        };
        match rules {
            Rules::AllowAll => Ok(()),
            Rules::Parsed(robot) if robot.allowed(url) => Ok(()),
            Rules::Parsed(_) => Err("robots.txt disallows it".to_string()),
            Rules::Unavailable(why) => Err(format!("robots.txt could not be read ({why})")),
        }
    }
}

fn fetch_rules(fetcher: &Fetcher, site: &str) -> Rules {
    match fetcher.get(&format!("{site}/robots.txt"), Conditions::default()) {
        Ok(Answer::Full(page)) => match Robot::new(AGENT, &page.body) {
            Ok(robot) => Rules::Parsed(std::sync::Arc::new(robot)),
            // Unparseable rules forbid nothing in particular.
            Err(_) => Rules::AllowAll,
        },
        Ok(Answer::NotModified) => Rules::AllowAll,
        Err(FetchError::Status(code)) if (400..500).contains(&code) => Rules::AllowAll,
        Err(err) => Rules::Unavailable(err.to_string()),
    }
}
