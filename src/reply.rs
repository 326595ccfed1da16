//! Reply templates and placeholder filling: "reply but don't accept" drafts
//! and thank-you notes after an accept.
//!
//! A template is text with placeholders `{first_name}`, `{full_name}` (the
//! other person), `{my_first_name}` and `{my_name}` (you: `name` in the config,
//! else the `To` column of the invitation; left empty when neither names
//! you, since "there" would sign the draft). `{{` and `}}` stand for braces.

use crate::classify::Category;

/// The placeholders a template may use.
pub const PLACEHOLDERS: [&str; 4] = ["first_name", "full_name", "my_first_name", "my_name"];

/// The built-in templates: (name, what it is for, text).
pub const BUILT_IN: [(&str, &str, &str); 4] = [
    (
        "stranger",
        "a stranger with a default note",
        "Hi {first_name},\n\nThanks for the invitation. Since we don't know each other, I thought I'd reach out to find out how I can help you. What made you want to connect?\n\n{my_first_name}",
    ),
    (
        "greeting",
        "a note that only says hello",
        "Hi {first_name},\n\nThanks for reaching out. Before I connect, I like to know a little about the people in my network: what are you working on, and is there something I can help you with?\n\n{my_first_name}",
    ),
    (
        "customised",
        "a note that deserves a real answer",
        "Hi {first_name},\n\nThank you for the thoughtful note. \n\nBest,\n{my_first_name}",
    ),
    (
        "thanks",
        "thank-you with a next step, after accepting",
        "Hi {first_name},\n\nThanks for connecting. I'd be glad to hear what you're working on: would a 20-minute call in the next couple of weeks suit you?\n\n{my_first_name}",
    ),
];

/// One template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub name: String,
    pub about: String,
    pub text: String,
}

impl Template {
    /// Whether it is written for a thank-you after an accept (`thank_you`)
    /// or for a reply instead of one: a built-in is for one of the two, a
    /// template of your own for either.
    pub fn fits(&self, thank_you: bool) -> bool {
        match BUILT_IN.iter().position(|b| b.0 == self.name) {
            Some(_) => (self.name == "thanks") == thank_you,
            None => true,
        }
    }
}

/// The templates in use: the built-ins (a config entry of the same name
/// replaces one's text), then the config's own, in name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Templates {
    pub list: Vec<Template>,
}

/// A template that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error(
        "[templates] {template}: unknown placeholder `{{{placeholder}}}`; use {{first_name}}, {{full_name}}, {{my_first_name}} or {{my_name}} (write {{{{ for a brace)"
    )]
    UnknownPlaceholder {
        template: String,
        placeholder: String,
    },
    #[error("[templates] {template}: a `{{` is never closed; write {{{{ for a brace")]
    Unclosed { template: String },
}

impl TemplateError {
    /// The template at fault, as `[templates]` names it.
    pub fn template(&self) -> &str {
        match self {
            TemplateError::UnknownPlaceholder { template, .. }
            | TemplateError::Unclosed { template } => template,
        }
    }
}

impl Default for Templates {
    fn default() -> Self {
        Templates::new(&Default::default()).unwrap_or(Templates { list: Vec::new() })
    }
}

impl Templates {
    /// The built-ins overridden and extended by the config's `[templates]`.
    pub fn new(
        config: &std::collections::BTreeMap<String, String>,
    ) -> Result<Templates, TemplateError> {
        let mut list: Vec<Template> = BUILT_IN
            .iter()
            .map(|(name, about, text)| Template {
                name: name.to_string(),
                about: about.to_string(),
                text: config
                    .get(*name)
                    .cloned()
                    .unwrap_or_else(|| text.to_string()),
            })
            .collect();
        for (name, text) in config {
            if !BUILT_IN.iter().any(|b| b.0 == name) {
                list.push(Template {
                    name: name.clone(),
                    about: "your template".into(),
                    text: text.clone(),
                });
            }
        }
        for t in &list {
            validate(&t.name, &t.text)?;
        }
        Ok(Templates { list })
    }

    /// The position of the template that suits a group (or a thank-you).
    pub fn default_for(&self, category: Category, thank_you: bool) -> usize {
        let name = if thank_you {
            "thanks"
        } else {
            match category {
                Category::Default => "stranger",
                Category::GreetingOnly => "greeting",
                Category::Customised => "customised",
            }
        };
        self.list.iter().position(|t| t.name == name).unwrap_or(0)
    }
}

/// The people a template speaks of.
#[derive(Debug, Clone, Copy)]
pub struct People<'a> {
    /// The other person's full name.
    pub them: &'a str,
    /// Your full name.
    pub me: &'a str,
}

/// The first word of a name, or "there" when the name is empty ("Hi there,").
pub fn first_name(full: &str) -> &str {
    full.split_whitespace().next().unwrap_or("there")
}

fn or_there(s: &str) -> &str {
    if s.trim().is_empty() {
        "there"
    } else {
        s.trim()
    }
}

/// Checks a template's placeholders.
pub fn validate(name: &str, text: &str) -> Result<(), TemplateError> {
    fill_checked(name, text, &People { them: "", me: "" }).map(|_| ())
}

/// Fills a template's placeholders. Templates are validated on load, so an
/// unknown placeholder cannot reach here; if it does, it is left as written.
pub fn fill(text: &str, people: &People<'_>) -> String {
    fill_checked("", text, people).unwrap_or_else(|_| text.to_string())
}

fn fill_checked(name: &str, text: &str, p: &People<'_>) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(pos) = rest.find(['{', '}']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some(after) = tail.strip_prefix('}') {
            out.push('}');
            rest = after;
        } else {
            let Some(end) = tail.find('}') else {
                return Err(TemplateError::Unclosed {
                    template: name.to_string(),
                });
            };
            let key = &tail[1..end];
            let value = match key.trim() {
                "first_name" => first_name(p.them),
                "full_name" => or_there(p.them),
                // Not "there": that greets, but would sign "there".
                "my_first_name" => p.me.split_whitespace().next().unwrap_or(""),
                "my_name" => p.me.trim(),
                other => {
                    return Err(TemplateError::UnknownPlaceholder {
                        template: name.to_string(),
                        placeholder: other.to_string(),
                    });
                }
            };
            out.push_str(value);
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// `config.example.toml` shows each built-in template as it is.
    #[test]
    fn the_example_config_shows_the_built_in_templates() {
        let example = include_str!("../config.example.toml");
        for (name, _, text) in BUILT_IN {
            let quoted = format!("#   \"{}\"", text.replace('\n', "\\n"));
            assert!(example.contains(&quoted), "{name}: {quoted}");
            let title = format!("# {name} ");
            assert!(example.lines().any(|l| l.starts_with(&title)), "{name}");
        }
    }

    #[test]
    fn fills_every_placeholder() {
        let p = People {
            them: "Zoë Ångström-Lévy",
            me: "Colleen Ruiz",
        };
        assert_eq!(
            fill(
                "Hi {first_name} ({full_name}), from {my_first_name} / {my_name}",
                &p
            ),
            "Hi Zoë (Zoë Ångström-Lévy), from Colleen / Colleen Ruiz"
        );
    }

    #[test]
    fn missing_names_read_naturally() {
        let p = People { them: "  ", me: "" };
        assert_eq!(
            fill(
                "Hi {first_name}, {full_name}. {my_first_name}|{my_name}|",
                &p
            ),
            "Hi there, there. ||"
        );
    }

    #[test]
    fn braces_escape() {
        let p = People {
            them: "Al B",
            me: "C",
        };
        assert_eq!(
            fill("{{first_name}} {first_name}}}", &p),
            "{first_name} Al}"
        );
    }

    #[test]
    fn unknown_placeholder_is_named() {
        let mut c = BTreeMap::new();
        c.insert("mine".to_string(), "Hi {firstname}".to_string());
        let err = Templates::new(&c).unwrap_err().to_string();
        assert!(err.contains("mine") && err.contains("{firstname}"), "{err}");
        let mut c = BTreeMap::new();
        c.insert("stranger".to_string(), "Hi {first_name".to_string());
        assert!(matches!(
            Templates::new(&c),
            Err(TemplateError::Unclosed { .. })
        ));
    }

    #[test]
    fn config_overrides_and_extends() {
        let mut c = BTreeMap::new();
        c.insert("stranger".to_string(), "Yo {first_name}".to_string());
        c.insert("zz-mine".to_string(), "Mine".to_string());
        let t = Templates::new(&c).unwrap();
        assert_eq!(t.list.len(), 5);
        assert_eq!(t.list[0].text, "Yo {first_name}");
        assert_eq!(t.list[4].name, "zz-mine");
    }

    #[test]
    fn template_choice_follows_the_group() {
        let t = Templates::default();
        assert_eq!(
            t.list[t.default_for(Category::Default, false)].name,
            "stranger"
        );
        assert_eq!(
            t.list[t.default_for(Category::GreetingOnly, false)].name,
            "greeting"
        );
        assert_eq!(
            t.list[t.default_for(Category::Customised, false)].name,
            "customised"
        );
        assert_eq!(
            t.list[t.default_for(Category::Customised, true)].name,
            "thanks"
        );
    }
}
