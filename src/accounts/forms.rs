//! What a refused form submission sends back to its page: the values typed (never passwords)
//! and a localized message per field, so a page re-renders with nothing lost.

use leptos::prelude::*;

#[derive(Clone, Debug, Default)]
pub struct Feedback {
    values: Vec<(String, String)>,
    errors: Vec<(String, String)>,
    /// A message about the whole form (wrong credentials, too many attempts …).
    pub banner: Option<String>,
}

impl Feedback {
    pub fn with_values(values: impl IntoIterator<Item = (String, String)>) -> Feedback {
        Feedback {
            values: values
                .into_iter()
                .filter(|(name, _)| !name.contains("password"))
                .collect(),
            ..Feedback::default()
        }
    }

    pub fn error(&mut self, field: &str, message: String) {
        self.errors.push((field.to_owned(), message));
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.banner.is_some()
    }

    pub fn value(&self, field: &str) -> String {
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn error_for(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, m)| m.clone())
    }
}

/// The feedback of the submission being re-rendered, or an empty form.
pub fn use_feedback() -> Feedback {
    use_context::<Feedback>().unwrap_or_default()
}

/// A labelled input with its error, wired for screen readers.
#[component]
pub fn Field(
    name: &'static str,
    label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let feedback = use_feedback();
    let error = feedback.error_for(name);
    let value = (kind != "password").then(|| feedback.value(name));
    let id = format!("field-{name}");
    let described = error.as_ref().map(|_| format!("{id}-error"));
    let invalid = error.is_some();
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=error.as_ref().map(|_| "true")
                aria-describedby=described.clone()
            />
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            {error.map(|e| view! { <p class="field-error" id=described.clone()>{e}</p> })}
        </div>
    }
}

/// The form-wide message, if any.
#[component]
pub fn Banner() -> impl IntoView {
    use_feedback()
        .banner
        .map(|b| view! { <p class="form-banner" role="alert">{b}</p> })
}
