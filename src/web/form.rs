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

    /// Every value sent for `field`, for a control with several (ticked checkboxes).
    pub fn values(&self, field: &str) -> Vec<String> {
        self.values
            .iter()
            .filter(|(name, _)| name == field)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn error_for(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, m)| m.clone())
    }
}

/// A form control's id, its message and the id of that message (for `aria-describedby`).
pub struct FieldState {
    pub id: String,
    pub error: Option<String>,
    pub described_by: Option<String>,
}

impl FieldState {
    pub fn of(feedback: &Feedback, name: &str) -> FieldState {
        Self::scoped(feedback, None, name)
    }

    /// A control of one of several forms on a page that share field names: its id says which.
    pub fn scoped(feedback: &Feedback, form: Option<&str>, name: &str) -> FieldState {
        let id = match form {
            Some(form) => format!("field-{form}-{name}"),
            None => format!("field-{name}"),
        };
        let error = feedback.error_for(name);
        let described_by = error.as_ref().map(|_| format!("{id}-error"));
        FieldState {
            id,
            error,
            described_by,
        }
    }

    pub fn invalid(&self) -> bool {
        self.error.is_some()
    }

    /// The message under the control, if any.
    pub fn message(&self) -> impl IntoView + use<> {
        let id = self.described_by.clone();
        self.error
            .clone()
            .map(|e| view! { <p class="field-error" id=id>{e}</p> })
    }

    /// `control` in the frame every field of a form shares, whatever the control (an input, a
    /// select): its label above it, its message under it, the whole marked while invalid.
    pub fn frame<V: IntoView + 'static>(
        &self,
        label: String,
        control: V,
    ) -> impl IntoView + use<V> {
        view! {
            <div class="field" class:invalid=self.invalid()>
                <label for=self.id.clone()>{label}</label>
                {control}
                {self.message()}
            </div>
        }
    }
}

/// What a control shows: after a refused post what was typed, else `stored`.
pub fn shown(name: &str, stored: &str) -> String {
    let feedback = use_feedback();
    if feedback.has_errors() {
        feedback.value(name)
    } else {
        stored.to_owned()
    }
}

/// The feedback of the submission being re-rendered, or an empty form.
pub fn use_feedback() -> Feedback {
    use_context::<Feedback>().unwrap_or_default()
}

/// A labelled input with its error, wired for screen readers. It shows what was typed before a
/// refused post, or `value` when the page knows better (an edit form: what is stored).
#[component]
pub fn Field(
    name: &'static str,
    label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] value: Option<String>,
) -> impl IntoView {
    let feedback = use_feedback();
    let value = value.or_else(|| (kind != "password").then(|| feedback.value(name)));
    let state = FieldState::of(&feedback, name);
    let input = view! {
        <input
            id=state.id.clone()
            name=name
            type=kind
            value=value
            autocomplete=autocomplete
            required=required
            aria-invalid=state.invalid().then_some("true")
            aria-describedby=state.described_by.clone()
        />
        {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
    };
    state.frame(label, input)
}

/// The form-wide message, if any.
#[component]
pub fn Banner() -> impl IntoView {
    use_feedback()
        .banner
        .map(|b| view! { <p class="form-banner" role="alert">{b}</p> })
}
