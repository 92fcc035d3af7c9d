//! PostgreSQL writes a commit's many rows as one JSON parameter per statement:
//! `INSERT … SELECT … FROM jsonb_to_recordset($1)`. A multi-row `VALUES` list of 500 rows binds
//! thousands of parameters, and PostgreSQL parses and plans every such statement anew, which
//! cost more than the writing itself; one text parameter keeps each statement small whatever the
//! number of rows. sea-orm cannot say `jsonb_to_recordset`, hence SQL, built from the entity's
//! own column list so that it cannot drift from the schema.

use sea_orm::sea_query::ColumnType;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityName, EntityTrait,
    IdenStatic, Iterable, QueryResult, Statement, Value,
};
use serde_json::Value as Json;

/// Rows per statement: a few megabytes of JSON at most.
const CHUNK: usize = 5_000;

/// Inserts `rows`, every one setting the same columns (those the first sets), and returns the
/// `returning` columns of each inserted row (in no promised order).
pub async fn insert<A: ActiveModelTrait>(
    db: &impl ConnectionTrait,
    rows: &[A],
    returning: &[&str],
) -> Result<Vec<QueryResult>, DbErr> {
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    let columns: Vec<_> = <A::Entity as EntityTrait>::Column::iter()
        .filter(|c| first.get(*c).is_set())
        .collect();
    let names: Vec<String> = columns.iter().map(|c| c.as_str().to_owned()).collect();
    let list = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let record = names
        .iter()
        .zip(&columns)
        .map(|(n, c)| Ok(format!("\"{n}\" {}", pg_type(c.def().get_column_type())?)))
        .collect::<Result<Vec<_>, DbErr>>()?
        .join(", ");
    let returning = match returning {
        [] => String::new(),
        columns => format!(" RETURNING {}", columns.join(", ")),
    };
    let table = A::Entity::default().table_name().to_owned();
    let sql = format!(
        "INSERT INTO \"{table}\" ({list}) SELECT {list} FROM jsonb_to_recordset($1::jsonb) AS r({record}){returning}"
    );
    let mut answered = Vec::new();
    for chunk in rows.chunks(CHUNK) {
        let records: Vec<Json> = chunk
            .iter()
            .map(|row| {
                let fields = names
                    .iter()
                    .zip(&columns)
                    .map(|(n, c)| Ok((n.clone(), json(row.get(*c).into_value())?)));
                fields
                    .collect::<Result<serde_json::Map<_, _>, DbErr>>()
                    .map(Json::Object)
            })
            .collect::<Result<_, DbErr>>()?;
        let records = serde_json::to_string(&records).map_err(|e| DbErr::Json(e.to_string()))?;
        let statement =
            Statement::from_sql_and_values(DbBackend::Postgres, &sql, [Value::from(records)]);
        answered.extend(db.query_all_raw(statement).await?);
    }
    Ok(answered)
}

/// The record type `jsonb_to_recordset` reads a column as.
fn pg_type(column: &ColumnType) -> Result<&'static str, DbErr> {
    Ok(match column {
        ColumnType::SmallInteger => "smallint",
        ColumnType::Integer => "integer",
        ColumnType::BigInteger => "bigint",
        ColumnType::Double => "double precision",
        ColumnType::Boolean => "boolean",
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => "text",
        ColumnType::Date => "date",
        ColumnType::TimestampWithTimeZone => "timestamptz",
        other => return Err(DbErr::Custom(format!("no bulk insert for {other:?}"))),
    })
}

/// A column's value as JSON that `jsonb_to_recordset` reads back as the same value.
fn json(value: Option<Value>) -> Result<Json, DbErr> {
    Ok(match value {
        None => Json::Null,
        Some(Value::SmallInt(v)) => v.into(),
        Some(Value::Int(v)) => v.into(),
        Some(Value::BigInt(v)) => v.into(),
        Some(Value::Double(v)) => v.into(),
        Some(Value::Bool(v)) => v.into(),
        Some(Value::String(v)) => v.into(),
        Some(Value::ChronoDate(v)) => v.map(|d| d.to_string()).into(),
        // RFC 3339 with the offset: exactly the instant, whatever the server's time zone.
        Some(Value::ChronoDateTimeUtc(v)) => v.map(|t| t.to_rfc3339()).into(),
        Some(other) => return Err(DbErr::Custom(format!("no bulk insert for {other:?}"))),
    })
}
