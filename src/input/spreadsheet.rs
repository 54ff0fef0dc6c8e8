//! Spreadsheets (xlsx, xls, ods) through calamine. Not yet written.

use super::decode::{Decoded, InputError};

pub fn read(_bytes: &[u8]) -> Result<Decoded, InputError> {
    Err(InputError::Spreadsheet(
        "表格文件的读取尚未实现 / not implemented yet".to_owned(),
    ))
}
