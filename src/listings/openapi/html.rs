//! The pieces of the API reference page: escaped text, inline code, anchors and types.

use std::fmt::Write as _;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, SchemaType};
use utoipa::openapi::{RefOr, Schema, Type};

/// Text made safe inside an element or a quoted attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A description, escaped, its Markdown `code` spans as `<code>`.
pub(super) fn inline(text: &str) -> String {
    escape(text.trim())
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_owned()
            }
        })
        .collect()
}

/// A description of paragraphs.
pub(super) fn prose(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>\n", inline(p)))
        .collect()
}

/// An `id` made of letters, digits and dashes.
pub(super) fn anchor(prefix: &str, name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{prefix}-{}", name.trim_matches('-'))
}

/// A schema's name and a link to it on the page.
pub(super) fn schema_link(location: &str) -> String {
    let name = location.rsplit('/').next().unwrap_or(location);
    format!(
        "<a href=\"#{}\"><code>{}</code></a>",
        anchor("schema", name),
        escape(name)
    )
}

/// A value serialized by the document's own rules (`date`, `query`, `bearer`…).
pub(super) fn as_text(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

pub(super) fn type_name(t: &Type) -> &'static str {
    match t {
        Type::Object => "object",
        Type::String => "string",
        Type::Integer => "integer",
        Type::Number => "number",
        Type::Boolean => "boolean",
        Type::Array => "array",
        Type::Null => "null",
    }
}

/// A schema as a short type, in HTML: `string | null`, `array of Year`, `map of string to Texts`.
pub(super) fn type_html(schema: &RefOr<Schema>) -> String {
    match schema {
        RefOr::Ref(r) => schema_link(&r.ref_location),
        RefOr::T(schema) => inline_type_html(schema),
    }
}

pub(super) fn joined(items: &[RefOr<Schema>], with: &str) -> String {
    items.iter().map(type_html).collect::<Vec<_>>().join(with)
}

pub(super) fn inline_type_html(schema: &Schema) -> String {
    match schema {
        Schema::Object(o) => {
            let mut text = match &o.schema_type {
                SchemaType::Type(t) => type_name(t).to_owned(),
                SchemaType::Array(types) => {
                    types.iter().map(type_name).collect::<Vec<_>>().join(" | ")
                }
                SchemaType::AnyValue => "any".to_owned(),
            };
            if let Some(AdditionalProperties::RefOr(values)) = o.additional_properties.as_deref() {
                let map = format!("map of string to {}", type_html(values));
                text = text.replacen("object", &map, 1);
            }
            if let Some(format) = &o.format {
                let _ = write!(text, " ({})", escape(&as_text(format)));
            }
            if let Some(values) = &o.enum_values {
                let values: Vec<String> = values
                    .iter()
                    .map(|v| format!("<code>{}</code>", escape(&as_text(v))))
                    .collect();
                let _ = write!(text, ", one of {}", values.join(", "));
            }
            text
        }
        Schema::Array(a) => {
            let items = match &a.items {
                ArrayItems::RefOrSchema(items) => type_html(items),
                ArrayItems::False => "nothing".to_owned(),
            };
            let mut text = format!("array of {items}");
            if matches!(&a.schema_type, SchemaType::Array(types) if types.contains(&Type::Null)) {
                text.push_str(" | null");
            }
            text
        }
        Schema::OneOf(one_of) => joined(&one_of.items, " | "),
        Schema::AnyOf(any_of) => joined(&any_of.items, " | "),
        Schema::AllOf(all_of) => joined(&all_of.items, " &amp; "),
        _ => "schema".to_owned(),
    }
}

/// The description a schema carries, inline or on its reference.
pub(super) fn description_of(schema: &RefOr<Schema>) -> Option<&str> {
    let text = match schema {
        RefOr::Ref(r) => Some(r.description.as_str()),
        RefOr::T(Schema::Object(o)) => o.description.as_deref(),
        RefOr::T(Schema::Array(a)) => a.description.as_deref(),
        RefOr::T(Schema::OneOf(o)) => o.description.as_deref(),
        RefOr::T(Schema::AllOf(a)) => a.description.as_deref(),
        RefOr::T(Schema::AnyOf(a)) => a.description.as_deref(),
        RefOr::T(_) => None,
    };
    text.filter(|t| !t.trim().is_empty())
}

/// An operation's methods, in the order a reader expects them.
pub(super) fn operations(item: &PathItem) -> Vec<(&'static str, &Operation)> {
    [
        ("GET", item.get.as_ref()),
        ("POST", item.post.as_ref()),
        ("PUT", item.put.as_ref()),
        ("PATCH", item.patch.as_ref()),
        ("DELETE", item.delete.as_ref()),
        ("HEAD", item.head.as_ref()),
        ("OPTIONS", item.options.as_ref()),
        ("TRACE", item.trace.as_ref()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|o| (method, o)))
    .collect()
}

/// The security schemes an operation asks for, by name.
pub(super) fn security_names(operation: &Operation) -> Vec<String> {
    operation
        .security
        .iter()
        .flatten()
        .filter_map(|requirement| serde_json::to_value(requirement).ok())
        .filter_map(|value| {
            value
                .as_object()
                .map(|o| o.keys().cloned().collect::<Vec<_>>())
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(inline("use `a<b` here"), "use <code>a&lt;b</code> here");
    }
}
