//! The API reference page: operations first, then the schemas they use.

use super::html::*;
use std::fmt::Write as _;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{RefOr, Required, Schema};

/// The whole page: operations first, then the schemas they use.
pub(super) fn page(doc: &utoipa::openapi::OpenApi, stylesheet: &str) -> String {
    let mut out = String::new();
    let title = escape(&doc.info.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{stylesheet}\">\n\
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
    use super::super::ApiDoc;
    use super::*;
    use utoipa::OpenApi;

    #[test]
    fn the_page_shows_the_document_escaped() {
        let html = page(&ApiDoc::openapi(), "/pkg/vnext.css");
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
        let html = page(&doc, "/pkg/vnext.css");
        assert!(
            html.contains(
                "a &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"
            )
        );
        assert!(!html.contains("<script"));
    }
}
