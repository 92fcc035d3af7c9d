//! The listings API described for programs and for people: `GET /api/openapi.json`, an OpenAPI
//! 3.1 document that utoipa generates from the handlers and types of `rest.rs`, and
//! `GET /api/docs`, the same document as a page rendered here, without a script.
//!
//! The page is in English only, unlike the rest of the site: it is a reference for the
//! developers of the exchanges' systems, API references conventionally are in English, and
//! every text on it is the document's, written as the code's doc comments.

use super::rest::{self, ApiError, ImportFile, ImportRejection, ImportReport, Listing};
use super::snapshot::{Intent, Snapshot, Texts, Year};
use super::{Counts, RowProblem};
use axum::response::{Html, IntoResponse};
use http::header;
use std::fmt::Write as _;
use std::sync::LazyLock;
use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, SchemaType};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Components, RefOr, Required, Schema, Type};
use utoipa::{Modify, OpenApi};

/// The listings API: its operations, the types they exchange and how a caller authenticates.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "V-Next Zone listings API",
        version = env!("CARGO_PKG_VERSION"),
        description = "Partner exchanges keep their listings on V-Next Zone current from their own systems: send the file your system publishes, get a JSON report back.\n\nEvery request carries an API token created on the partner workspace: `Authorization: Bearer <token>`."
    ),
    paths(rest::import, rest::list),
    components(schemas(
        ImportReport,
        ApiError,
        Listing,
        Counts,
        RowProblem,
        Snapshot,
        Texts,
        Intent,
        Year,
        ImportFile,
        ImportRejection
    )),
    modifiers(&BearerScheme),
    tags((name = "listings", description = "An exchange's listed companies"))
)]
pub struct ApiDoc;

/// Adds the `bearer` scheme the operations' `security(("bearer" = []))` name.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Components::new);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token of the partner's exchange, created on the partner \
                         workspace and shown once: `Authorization: Bearer <token>`.",
                    ))
                    .build(),
            ),
        );
    }
}

static JSON: LazyLock<String> = LazyLock::new(|| {
    ApiDoc::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serializes")
});

static PAGE: LazyLock<String> = LazyLock::new(|| page(&ApiDoc::openapi()));

/// `GET /api/openapi.json`
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], JSON.as_str())
}

/// `GET /api/docs`
pub async fn docs() -> impl IntoResponse {
    Html(PAGE.as_str())
}

/// Text made safe inside an element or a quoted attribute.
fn escape(text: &str) -> String {
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
fn inline(text: &str) -> String {
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
fn prose(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>\n", inline(p)))
        .collect()
}

/// An `id` made of letters, digits and dashes.
fn anchor(prefix: &str, name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{prefix}-{}", name.trim_matches('-'))
}

/// A schema's name and a link to it on the page.
fn schema_link(location: &str) -> String {
    let name = location.rsplit('/').next().unwrap_or(location);
    format!(
        "<a href=\"#{}\"><code>{}</code></a>",
        anchor("schema", name),
        escape(name)
    )
}

/// A value serialized by the document's own rules (`date`, `query`, `bearer`…).
fn as_text(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn type_name(t: &Type) -> &'static str {
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
fn type_html(schema: &RefOr<Schema>) -> String {
    match schema {
        RefOr::Ref(r) => schema_link(&r.ref_location),
        RefOr::T(schema) => inline_type_html(schema),
    }
}

fn joined(items: &[RefOr<Schema>], with: &str) -> String {
    items.iter().map(type_html).collect::<Vec<_>>().join(with)
}

fn inline_type_html(schema: &Schema) -> String {
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
fn description_of(schema: &RefOr<Schema>) -> Option<&str> {
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
fn operations(item: &PathItem) -> Vec<(&'static str, &Operation)> {
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
fn security_names(operation: &Operation) -> Vec<String> {
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

/// The whole page: operations first, then the schemas they use.
fn page(doc: &utoipa::openapi::OpenApi) -> String {
    let mut out = String::new();
    let title = escape(&doc.info.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/pkg/vnext.css\">\n\
         </head>\n<body>\n<main>\n<h1>{title}</h1>\n\
         <p>Version <code>{}</code> · OpenAPI <code>{}</code> · \
         <a href=\"/api/openapi.json\">openapi.json</a></p>\n",
        escape(&doc.info.version),
        escape(&as_text(&doc.openapi)),
    );
    if let Some(description) = &doc.info.description {
        out.push_str(&prose(description));
    }

    let mut contents = String::new();
    let mut sections = String::new();
    for (path, item) in &doc.paths.paths {
        for (method, operation) in operations(item) {
            let id = anchor("op", &format!("{method} {path}"));
            let summary = operation.summary.as_deref().unwrap_or_default();
            let _ = writeln!(
                contents,
                "<li><a href=\"#{id}\"><code>{method} {}</code></a> {}</li>",
                escape(path),
                inline(summary)
            );
            operation_section(&mut sections, &id, method, path, operation);
        }
    }
    let _ = write!(
        out,
        "<nav>\n<h2>Operations</h2>\n<ul>\n{contents}</ul>\n</nav>\n{sections}"
    );

    if let Some(components) = &doc.components {
        if !components.security_schemes.is_empty() {
            out.push_str("<h2 id=\"authentication\">Authentication</h2>\n<dl>\n");
            for (name, scheme) in &components.security_schemes {
                let value = serde_json::to_value(scheme).unwrap_or_default();
                let kind = [value["type"].as_str(), value["scheme"].as_str()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let _ = writeln!(
                    out,
                    "<dt><code>{}</code></dt>\n<dd>\n<p>{}</p>\n{}</dd>",
                    escape(name),
                    escape(&kind),
                    prose(value["description"].as_str().unwrap_or_default())
                );
            }
            out.push_str("</dl>\n");
        }
        out.push_str("<h2 id=\"schemas\">Schemas</h2>\n");
        for (name, schema) in &components.schemas {
            schema_section(&mut out, name, schema);
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn operation_section(out: &mut String, id: &str, method: &str, path: &str, op: &Operation) {
    let _ = writeln!(
        out,
        "<section id=\"{id}\">\n<h2><code>{method}</code> <code>{}</code></h2>",
        escape(path)
    );
    if let Some(summary) = &op.summary {
        let _ = writeln!(out, "<p><strong>{}</strong></p>", inline(summary));
    }
    if let Some(description) = &op.description {
        out.push_str(&prose(description));
    }
    let security = security_names(op);
    if !security.is_empty() {
        let names: Vec<String> = security
            .iter()
            .map(|n| format!("<code>{}</code>", escape(n)))
            .collect();
        let _ = writeln!(
            out,
            "<p>Authentication: {} (see <a href=\"#authentication\">Authentication</a>)</p>",
            names.join(", ")
        );
    }

    let parameters = op.parameters.as_deref().unwrap_or_default();
    if !parameters.is_empty() {
        out.push_str(
            "<h3>Parameters</h3>\n<table>\n<thead><tr><th>Name</th><th>In</th><th>Type</th>\
             <th>Required</th><th>Description</th></tr></thead>\n<tbody>\n",
        );
        for p in parameters {
            let place = match p.parameter_in {
                ParameterIn::Query => "query",
                ParameterIn::Path => "path",
                ParameterIn::Header => "header",
                ParameterIn::Cookie => "cookie",
            };
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{place}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&p.name),
                p.schema.as_ref().map(type_html).unwrap_or_default(),
                if matches!(p.required, Required::True) {
                    "yes"
                } else {
                    "no"
                },
                inline(p.description.as_deref().unwrap_or_default())
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    if let Some(body) = &op.request_body {
        out.push_str("<h3>Request body</h3>\n");
        if let Some(description) = &body.description {
            out.push_str(&prose(description));
        }
        out.push_str(
            "<table>\n<thead><tr><th>Media type</th><th>Schema</th></tr></thead>\n<tbody>\n",
        );
        for (media_type, content) in &body.content {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                escape(media_type),
                content.schema.as_ref().map(type_html).unwrap_or_default()
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str(
        "<h3>Responses</h3>\n<table>\n<thead><tr><th>Status</th><th>Description</th>\
         <th>Body</th></tr></thead>\n<tbody>\n",
    );
    for (status, response) in &op.responses.responses {
        let (description, body) = match response {
            RefOr::Ref(r) => (String::new(), schema_link(&r.ref_location)),
            RefOr::T(response) => {
                let mut description = inline(&response.description);
                for (name, header) in &response.headers {
                    let _ = write!(
                        description,
                        "<br>Header <code>{}</code>: {}",
                        escape(name),
                        inline(header.description.as_deref().unwrap_or_default())
                    );
                }
                let body: Vec<String> = response
                    .content
                    .iter()
                    .map(|(media_type, content)| {
                        format!(
                            "<code>{}</code> {}",
                            escape(media_type),
                            content.schema.as_ref().map(type_html).unwrap_or_default()
                        )
                    })
                    .collect();
                (description, body.join("<br>"))
            }
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{description}</td><td>{body}</td></tr>",
            escape(status)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// A schema's properties, as table rows; `false` when the schema has none.
fn property_rows(out: &mut String, schema: &Schema) -> bool {
    let Schema::Object(object) = schema else {
        return false;
    };
    if object.properties.is_empty() {
        return false;
    }
    for (name, property) in &object.properties {
        let required = object.required.iter().any(|r| r == name);
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(name),
            type_html(property),
            if required { "yes" } else { "no" },
            inline(description_of(property).unwrap_or_default())
        );
    }
    true
}

fn schema_section(out: &mut String, name: &str, schema: &RefOr<Schema>) {
    let _ = writeln!(
        out,
        "<section id=\"{}\">\n<h3><code>{}</code></h3>",
        anchor("schema", name),
        escape(name)
    );
    if let Some(description) = description_of(schema) {
        out.push_str(&prose(description));
    }
    let mut rows = String::new();
    match schema {
        RefOr::T(Schema::AllOf(all_of)) => {
            // A flattened struct: the properties of each part.
            for part in &all_of.items {
                match part {
                    RefOr::Ref(r) => {
                        let _ = writeln!(
                            out,
                            "<p>Every property of {}, and:</p>",
                            schema_link(&r.ref_location)
                        );
                    }
                    RefOr::T(part) => {
                        property_rows(&mut rows, part);
                    }
                }
            }
        }
        RefOr::T(schema) => {
            if !property_rows(&mut rows, schema) {
                let _ = writeln!(out, "<p>Type: {}</p>", inline_type_html(schema));
            }
        }
        RefOr::Ref(r) => {
            let _ = writeln!(out, "<p>Type: {}</p>", schema_link(&r.ref_location));
        }
    }
    if !rows.is_empty() {
        out.push_str(
            "<table>\n<thead><tr><th>Property</th><th>Type</th><th>Required</th>\
             <th>Description</th></tr></thead>\n<tbody>\n",
        );
        out.push_str(&rows);
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_describes_both_operations_and_the_bearer_scheme() {
        let doc = ApiDoc::openapi();
        let json = serde_json::to_value(&doc).unwrap();
        assert!(json["openapi"].as_str().unwrap().starts_with("3.1"));
        assert_eq!(json["info"]["title"], "V-Next Zone listings API");

        let paths = &doc.paths.paths;
        assert!(paths["/api/v1/listings"].get.is_some());
        let import = paths["/api/v1/listings/import"]
            .post
            .as_ref()
            .expect("the import is a POST");
        for status in ["200", "401", "403", "413", "415", "422"] {
            assert!(
                import.responses.responses.contains_key(status),
                "the import documents no {status}"
            );
        }
        let parameters: Vec<&str> = import
            .parameters
            .iter()
            .flatten()
            .map(|p| p.name.as_str())
            .collect();
        for name in ["dry_run", "full_list", "encoding", "file_name", "lang"] {
            assert!(parameters.contains(&name), "no parameter {name}");
        }
        let body = import.request_body.as_ref().expect("a request body");
        assert!(body.content.contains_key("text/csv"));
        assert_eq!(
            json["components"]["schemas"]["ImportFile"]["format"],
            "binary"
        );
        assert_eq!(
            json["paths"]["/api/v1/listings/import"]["post"]["security"][0]["bearer"],
            serde_json::json!([])
        );

        let components = doc.components.as_ref().expect("components");
        assert!(components.security_schemes.contains_key("bearer"));
        assert_eq!(
            json["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
        for schema in [
            "ImportReport",
            "ApiError",
            "Listing",
            "Counts",
            "RowProblem",
            "Snapshot",
            "Texts",
            "Intent",
            "Year",
        ] {
            assert!(
                components.schemas.contains_key(schema),
                "no schema {schema}"
            );
        }
    }

    #[test]
    fn the_page_shows_the_document_escaped() {
        let html = page(&ApiDoc::openapi());
        assert!(html.contains("/api/v1/listings/import"));
        assert!(html.contains("<a href=\"#schema-ImportReport\"><code>ImportReport</code></a>"));
        assert!(html.contains("<code>dry_run</code>"));
        assert!(html.contains("href=\"/pkg/vnext.css\""));
        // The bearer scheme's description quotes `Authorization: Bearer <token>`.
        assert!(html.contains("Bearer &lt;token&gt;"));
        assert!(!html.contains("<token>"));
        assert!(!html.contains("<style") && !html.contains("<script"));

        let mut doc = ApiDoc::openapi();
        let import = doc
            .paths
            .paths
            .get_mut("/api/v1/listings/import")
            .and_then(|item| item.post.as_mut())
            .unwrap();
        import.description = Some("a <script>alert('x')</script> & \"more\"".into());
        let html = page(&doc);
        assert!(
            html.contains(
                "a &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"
            )
        );
        assert!(!html.contains("<script"));
    }

    #[test]
    fn escape_covers_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(inline("use `a<b` here"), "use <code>a&lt;b</code> here");
    }

    #[tokio::test]
    async fn the_json_is_served_as_json() {
        let response = openapi().await.into_response();
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(value["paths"]["/api/v1/listings/import"]["post"].is_object());
    }
}
