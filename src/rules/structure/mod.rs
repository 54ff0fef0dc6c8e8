//! Structure: can the table be read at all, and is every row accounted for.
pub mod column_missing;
pub mod header_missing;
pub mod indicator_numbering;
pub mod indicator_unparsed;
pub mod markup_in_cell;
pub mod quote_unbalanced;
pub mod row_unrecognized;
