//! The JSON contract written straight from the report's structs, byte for byte
//! what `serde_json::to_value` followed by `to_writer_pretty` wrote before.
//!
//! Why not `to_value`: it built a tree of maps and strings as large as the
//! output (hundreds of MB for a 50 MB table) before writing a byte. Why not
//! serde_json's own serializer: `serde_json::Value` keeps object keys sorted
//! (serde_json is built without `preserve_order`), so the published output has
//! every object's keys in alphabetical order, while the derives emit them in
//! field order. This serializer keeps the published order: each object's
//! members are written into a scratch buffer, then copied out sorted by key;
//! but a struct whose members came in sorted order once (the findings,
//! projects, indicators and values declare them so) is written straight out
//! from then on. Sequences are written straight through, so the long lists
//! (findings, projects) stream to the writer one element at a time.
//!
//! What it mirrors of `serde_json::Value`, so that the bytes stay the same:
//! `None` and unit are `null`; an `f32` is widened to `f64` first (as
//! `Value::from(f32)` does) and a non-finite float is `null`; map keys are
//! strings, numbers and chars written as strings; a key written twice keeps
//! its last value; enums are externally tagged.

use serde::ser::{self, Serialize};
use std::fmt::Display;
use std::io::Write;

/// Why a value could not be written: the writer failed, or a map key that
/// `serde_json::Value` could not hold either.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(e.to_string())
    }
}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        std::io::Error::other(e.0)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Writes `value` as pretty JSON (two spaces per level, keys sorted) at
/// nesting depth `depth`: a value that is itself a member of an object the
/// caller writes by hand continues at the caller's indentation.
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    depth: usize,
) -> Result<()> {
    value.serialize(&mut Serializer {
        out,
        depth,
        kept: &mut Kept::default(),
    })
}

/// `value` as a pretty JSON string, keys sorted (as `to_string_pretty` of
/// `to_value` wrote it).
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut bytes = Vec::new();
    write_pretty(&mut bytes, value, 0)?;
    // Only valid UTF-8 is written: str values and keys, and ASCII.
    String::from_utf8(bytes).map_err(|e| Error(e.to_string()))
}

/// A newline and the indentation of `depth` levels.
fn newline<W: Write>(out: &mut W, depth: usize) -> Result<()> {
    const SPACES: &[u8] = b"\n                                                                ";
    let wanted = 1 + 2 * depth;
    if wanted <= SPACES.len() {
        out.write_all(&SPACES[..wanted])?;
    } else {
        out.write_all(b"\n")?;
        for _ in 0..depth {
            out.write_all(b"  ")?;
        }
    }
    Ok(())
}

/// A string with serde_json's escaping (`serde_json::to_writer` of a `str`):
/// the runs between the bytes it escapes are copied whole. A report's strings
/// are long and have few such bytes (the English messages' quotes), and
/// serde_json looks each byte up in a table.
fn write_str<W: Write>(out: &mut W, s: &str) -> Result<()> {
    let bytes = s.as_bytes();
    out.write_all(b"\"")?;
    let mut written = 0;
    while let Some(at) = next_escaped(&bytes[written..]) {
        let at = written + at;
        out.write_all(&bytes[written..at])?;
        write_escaped(out, bytes[at])?;
        written = at + 1;
    }
    out.write_all(&bytes[written..])?;
    out.write_all(b"\"")?;
    Ok(())
}

/// Whether serde_json escapes this byte: `"`, `\\` and the control characters
/// below U+0020 (nothing else, not even U+007F).
fn is_escaped(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// Where the first byte to escape is. Sixteen bytes at a time without an
/// early exit inside them, which the compiler turns into vector compares; the
/// last few (most keys and short values are only these) padded with spaces to
/// sixteen.
fn next_escaped(bytes: &[u8]) -> Option<usize> {
    let any_escaped = |chunk: &[u8]| chunk.iter().fold(false, |any, &b| any | is_escaped(b));
    let chunks = bytes.chunks_exact(16);
    let rest = chunks.remainder();
    let clean = 16 * chunks.take_while(|chunk| !any_escaped(chunk)).count();
    if clean == bytes.len() - rest.len() {
        let mut padded = [b' '; 16];
        padded[..rest.len()].copy_from_slice(rest);
        if !any_escaped(&padded) {
            return None;
        }
    }
    let found = bytes[clean..].iter().position(|&b| is_escaped(b));
    found.map(|at| clean + at)
}

/// One escaped byte as serde_json writes it: `"` and `\` after a backslash,
/// the short escapes of backspace, form feed, line feed, carriage return and
/// tab, and `\u00xx` (lower-case hex) for the other control characters.
fn write_escaped<W: Write>(out: &mut W, b: u8) -> Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
            out.write_all(b"\\u00")?;
            out.write_all(&hex)?;
            return Ok(());
        }
    };
    out.write_all(&[b'\\', short])?;
    Ok(())
}

pub struct Serializer<'w, W: Write> {
    out: &'w mut W,
    depth: usize,
    /// What the objects written before leave to the next ones.
    kept: &'w mut Kept,
}

/// What one object leaves to the next.
#[derive(Default)]
struct Kept {
    /// Their buffers, lent to the next: a large report has hundreds of
    /// thousands of objects, and each would otherwise allocate (and grow, and
    /// free) its own.
    spare: Vec<Buffers>,
    /// The structs whose members came in sorted order (by name): the same
    /// struct's next objects are written straight out, not buffered, sorted
    /// and copied (a finding's or an indicator's bytes were copied once per
    /// level of nesting).
    sorted: Vec<&'static str>,
}

/// An object's two buffers (see [`Object`]), empty while spare.
#[derive(Default)]
struct Buffers {
    scratch: Vec<u8>,
    members: Vec<(Key, std::ops::Range<usize>)>,
}

impl<'a, 'w, W: Write> ser::Serializer for &'a mut Serializer<'w, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a, 'w, W>;
    type SerializeTuple = Seq<'a, 'w, W>;
    type SerializeTupleStruct = Seq<'a, 'w, W>;
    type SerializeTupleVariant = Variant<Seq<'a, 'w, W>>;
    type SerializeMap = Object<'a, 'w, W>;
    type SerializeStruct = Object<'a, 'w, W>;
    type SerializeStructVariant = Variant<Object<'a, 'w, W>>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.write_all(if v { b"true" } else { b"false" })?;
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        write!(self.out, "{v}")?;
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<()> {
        write!(self.out, "{v}")?;
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        write!(self.out, "{v}")?;
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        write!(self.out, "{v}")?;
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        // `Value::from(f32)` widens to f64 before printing.
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        // serde_json prints a non-finite float as null, as Value holds it.
        serde_json::to_writer(&mut *self.out, &v).map_err(|e| Error(e.to_string()))
    }
    fn serialize_char(self, v: char) -> Result<()> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        write_str(self.out, v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.out.write_all(b"null")?;
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        // `{"Variant": value}`: one member, so nothing to sort.
        write_member_head(self.out, true, self.depth + 1, variant)?;
        value.serialize(&mut Serializer {
            out: &mut *self.out,
            depth: self.depth + 1,
            kept: &mut *self.kept,
        })?;
        newline(self.out, self.depth)?;
        self.out.write_all(b"}")?;
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Seq<'a, 'w, W>> {
        Ok(Seq {
            ser: self,
            empty: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'w, W>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, 'w, W>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Seq<'a, 'w, W>>> {
        self.open_variant(variant)?;
        Ok(Variant(self.serialize_seq(Some(len))?))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a, 'w, W>> {
        let buffers = self.kept.spare.pop().unwrap_or_default();
        Ok(Object {
            ser: self,
            buffers,
            key: None,
            name: None,
            streamed: None,
        })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Object<'a, 'w, W>> {
        // By address: a struct's name is the same literal every time.
        if self
            .kept
            .sorted
            .iter()
            .any(|known| std::ptr::eq(*known, name))
        {
            return Ok(Object {
                ser: self,
                buffers: Buffers::default(),
                key: None,
                name: Some(name),
                streamed: Some(None),
            });
        }
        let mut object = self.serialize_map(Some(len))?;
        object.buffers.members.reserve(len);
        object.name = Some(name);
        Ok(object)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Object<'a, 'w, W>>> {
        self.open_variant(variant)?;
        // Buffered: a variant's name is no struct's, and variants of one enum
        // differ in their members.
        Ok(Variant(self.serialize_map(Some(len))?))
    }
}

impl<W: Write> Serializer<'_, W> {
    /// `{"Variant": ` before a tuple or struct variant's content, which is
    /// written one level deeper; [`Variant`] closes it.
    fn open_variant(&mut self, variant: &str) -> Result<()> {
        self.depth += 1;
        write_member_head(self.out, true, self.depth, variant)
    }
}

/// A sequence: `[`, each element on its own line, `]` (`[]` when empty).
pub struct Seq<'a, 'w, W: Write> {
    ser: &'a mut Serializer<'w, W>,
    empty: bool,
}

impl<'a, 'w, W: Write> Seq<'a, 'w, W> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.ser
            .out
            .write_all(if self.empty { b"[" } else { b"," })?;
        self.empty = false;
        newline(self.ser.out, self.ser.depth + 1)?;
        value.serialize(&mut Serializer {
            out: &mut *self.ser.out,
            depth: self.ser.depth + 1,
            kept: &mut *self.ser.kept,
        })
    }

    /// Closes the sequence, handing the serializer back (a variant closes
    /// its own brace after it).
    fn close(self) -> Result<&'a mut Serializer<'w, W>> {
        if self.empty {
            self.ser.out.write_all(b"[]")?;
        } else {
            newline(self.ser.out, self.ser.depth)?;
            self.ser.out.write_all(b"]")?;
        }
        Ok(self.ser)
    }
}

impl<W: Write> ser::SerializeSeq for Seq<'_, '_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close().map(drop)
    }
}

impl<W: Write> ser::SerializeTuple for Seq<'_, '_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close().map(drop)
    }
}

impl<W: Write> ser::SerializeTupleStruct for Seq<'_, '_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close().map(drop)
    }
}

/// A tuple or struct variant's content, closed with the `}` of
/// `{"Variant": …}` that [`Serializer::open_variant`] opened.
pub struct Variant<S>(S);

impl<W: Write> ser::SerializeTupleVariant for Variant<Seq<'_, '_, W>> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.0.element(value)
    }
    fn end(self) -> Result<()> {
        close_variant(self.0.close()?)
    }
}

/// The `}` of `{"Variant": …}`, one level out again.
fn close_variant<W: Write>(ser: &mut Serializer<'_, W>) -> Result<()> {
    ser.depth -= 1;
    newline(ser.out, ser.depth)?;
    ser.out.write_all(b"}")?;
    Ok(())
}

/// An object: members written into `scratch` as they come, then copied out
/// sorted by key, as `serde_json::Value`'s sorted map prints them.
pub struct Object<'a, 'w, W: Write> {
    ser: &'a mut Serializer<'w, W>,
    /// `scratch`: every member's value, one after the other; `members`: each
    /// member's key and where its value lies in `scratch`. Borrowed from the
    /// serializer's spare buffers and given back when the object is closed.
    buffers: Buffers,
    /// A map's key, between `serialize_key` and `serialize_value`.
    key: Option<Key>,
    /// A struct's name: whether its members come sorted is learnt from its
    /// first object.
    name: Option<&'static str>,
    /// For a struct whose members came sorted before: written straight out,
    /// with the last key written (`Some(None)` before the first).
    streamed: Option<Option<&'static str>>,
}

/// What comes before a member's value: `{` or `,`, a new line, the
/// indentation and the key with its colon. Put together on the stack and
/// written at once when the key needs no escaping and the line is short, as
/// nearly all are: an object's members are most of the writes.
fn write_member_head<W: Write>(out: &mut W, first: bool, depth: usize, key: &str) -> Result<()> {
    let opening: &[u8] = if first { b"{" } else { b"," };
    let mut head = [b' '; 128];
    let indent = 2 * depth;
    let length = 2 + indent + key.len() + 4;
    if length > head.len() || next_escaped(key.as_bytes()).is_some() {
        out.write_all(opening)?;
        newline(out, depth)?;
        write_str(out, key)?;
        out.write_all(b": ")?;
        return Ok(());
    }
    let key = key.as_bytes();
    head[0] = opening[0];
    head[1] = b'\n';
    // The indentation is the spaces the buffer starts with.
    let quote = 2 + indent;
    head[quote] = b'"';
    head[quote + 1..quote + 1 + key.len()].copy_from_slice(key);
    head[quote + 1 + key.len()..length].copy_from_slice(b"\": ");
    out.write_all(&head[..length])?;
    Ok(())
}

/// A member's key: a field name as compiled in, or a map's key as written.
enum Key {
    Static(&'static str),
    Owned(String),
}

impl Key {
    fn as_str(&self) -> &str {
        match self {
            Key::Static(s) => s,
            Key::Owned(s) => s,
        }
    }
}

/// The order of `str::cmp`. Most keys of an object differ in their first
/// byte, which decides without a call to `memcmp`.
fn str_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if x != y => x.cmp(y),
        _ => a.cmp(b),
    }
}

fn key_order(a: &Key, b: &Key) -> std::cmp::Ordering {
    str_order(a.as_str(), b.as_str())
}

impl<'a, 'w, W: Write> Object<'a, 'w, W> {
    fn member<T: Serialize + ?Sized>(&mut self, key: Key, value: &T) -> Result<()> {
        if let (Some(last), Key::Static(key)) = (&mut self.streamed, &key) {
            // Another type of the same name could come in another order: an
            // error, never unsorted output.
            if last.is_some_and(|last| str_order(last, key).is_ge()) {
                let name = self.name.unwrap_or("a struct");
                return Err(Error(format!("the members of {name} came out of order")));
            }
            let depth = self.ser.depth + 1;
            write_member_head(self.ser.out, last.is_none(), depth, key)?;
            *last = Some(key);
            return value.serialize(&mut Serializer {
                out: &mut *self.ser.out,
                depth,
                kept: &mut *self.ser.kept,
            });
        }
        let Buffers { scratch, members } = &mut self.buffers;
        let start = scratch.len();
        value.serialize(&mut Serializer {
            out: scratch,
            depth: self.ser.depth + 1,
            kept: &mut *self.ser.kept,
        })?;
        members.push((key, start..scratch.len()));
        Ok(())
    }

    /// Writes the members sorted, handing the serializer back (a variant
    /// closes its own brace after it).
    fn close(self) -> Result<&'a mut Serializer<'w, W>> {
        let Object {
            ser,
            buffers,
            name,
            streamed,
            ..
        } = self;
        if let Some(last) = streamed {
            if last.is_none() {
                ser.out.write_all(b"{}")?;
            } else {
                newline(ser.out, ser.depth)?;
                ser.out.write_all(b"}")?;
            }
            return Ok(ser);
        }
        let Buffers {
            mut scratch,
            mut members,
        } = buffers;
        // A struct's first object says whether its members come sorted (a
        // map's order is its own each time). One that skips members
        // (`skip_serializing_if`) must declare them sorted, or out of order
        // among those always written: an object that lacks some could look
        // sorted when the next is not, which `member` then refuses.
        let in_order = |members: &[(Key, _)]| {
            members
                .windows(2)
                .all(|w| key_order(&w[0].0, &w[1].0).is_lt())
        };
        if let Some(name) = name.filter(|_| in_order(&members)) {
            ser.kept.sorted.push(name);
        }
        let out = &mut *ser.out;
        if members.is_empty() {
            out.write_all(b"{}")?;
        } else {
            // Stable: of a key written twice, the last is kept below, as a
            // map's insert keeps the last value.
            members.sort_by(|(a, _), (b, _)| key_order(a, b));
            let mut first = true;
            for (i, (key, range)) in members.iter().enumerate() {
                if members
                    .get(i + 1)
                    .is_some_and(|(next, _)| key_order(next, key).is_eq())
                {
                    continue;
                }
                write_member_head(out, first, ser.depth + 1, key.as_str())?;
                first = false;
                out.write_all(&scratch[range.clone()])?;
            }
            newline(out, ser.depth)?;
            out.write_all(b"}")?;
        }
        scratch.clear();
        members.clear();
        ser.kept.spare.push(Buffers { scratch, members });
        Ok(ser)
    }
}

impl<W: Write> ser::SerializeMap for Object<'_, '_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(Key::Owned(key.serialize(KeyWriter)?));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without its key".to_owned()))?;
        self.member(key, value)
    }
    fn end(self) -> Result<()> {
        self.close().map(drop)
    }
}

impl<W: Write> ser::SerializeStruct for Object<'_, '_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.member(Key::Static(key), value)
    }
    fn end(self) -> Result<()> {
        self.close().map(drop)
    }
}

impl<W: Write> ser::SerializeStructVariant for Variant<Object<'_, '_, W>> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.0.member(Key::Static(key), value)
    }
    fn end(self) -> Result<()> {
        close_variant(self.0.close()?)
    }
}

/// A map key as `serde_json::Value` holds it: a string, or a number or char
/// written as one.
struct KeyWriter;

fn key_error() -> Error {
    Error("key must be a string".to_owned())
}

impl ser::Serializer for KeyWriter {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<String> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String> {
        Ok(v.to_owned())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<String> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_error())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use std::collections::BTreeMap;

    /// What the CLI wrote before: the value as a `serde_json::Value`, pretty.
    fn via_value<T: Serialize>(value: &T) -> String {
        serde_json::to_string_pretty(&serde_json::to_value(value).unwrap()).unwrap()
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, &'static str),
        Struct { zeta: bool, alpha: Option<f64> },
    }

    #[derive(Serialize)]
    struct Inner {
        message: &'static str,
        message_en: &'static str,
    }

    #[derive(Serialize)]
    struct Everything {
        zebra: Vec<Shape>,
        apple: (usize, String),
        #[serde(flatten)]
        inner: Inner,
        empty_list: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        map: BTreeMap<u32, Vec<Option<char>>>,
        float: f32,
        nan: f64,
        text: String,
        nothing: (),
        range: std::ops::Range<usize>,
        money: rust_decimal::Decimal,
    }

    #[test]
    fn the_same_bytes_as_through_a_value() {
        let value = Everything {
            zebra: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, "x"),
                Shape::Struct {
                    zeta: true,
                    alpha: Some(0.1),
                },
                Shape::Struct {
                    zeta: false,
                    alpha: None,
                },
            ],
            apple: (3, "三\"引号\"\n\t\u{1}".to_owned()),
            inner: Inner {
                message: "中文",
                message_en: "English",
            },
            empty_list: vec![],
            empty_map: BTreeMap::new(),
            map: BTreeMap::from([(10, vec![Some('值'), None]), (2, vec![])]),
            float: 0.1,
            nan: f64::NAN,
            text: "</script>\\".to_owned(),
            nothing: (),
            range: 4..9,
            money: rust_decimal::Decimal::new(1_258_500, 2),
        };
        assert_eq!(super::to_string_pretty(&value).unwrap(), via_value(&value));
        for shape in [Shape::Unit, Shape::Tuple(1, "a")] {
            assert_eq!(super::to_string_pretty(&shape).unwrap(), via_value(&shape));
        }
    }

    /// Members declared in the JSON's order: from the second object on, the
    /// struct is written straight out, not buffered.
    #[derive(Serialize)]
    struct Sorted {
        annual: Option<Box<Sorted>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        level: Option<u8>,
        name: &'static str,
        unsorted: Backwards,
    }

    /// Always buffered and sorted.
    #[derive(Serialize)]
    struct Backwards {
        zeta: u8,
        alpha: u8,
    }

    #[derive(Serialize)]
    struct Empty {}

    #[test]
    fn structs_in_order_written_straight_out_read_the_same() {
        let sorted = |level, annual| Sorted {
            annual,
            level,
            name: "指标",
            unsorted: Backwards { zeta: 1, alpha: 2 },
        };
        let value = (
            vec![
                sorted(Some(1), None),
                sorted(None, Some(Box::new(sorted(Some(2), None)))),
                sorted(Some(3), Some(Box::new(sorted(None, None)))),
            ],
            [Empty {}, Empty {}],
        );
        // Twice through one serializer and its learnt orders, as the CLI
        // writes one file after another.
        let mut out = Vec::new();
        super::write_pretty(&mut out, &(&value, &value), 0).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            via_value(&(&value, &value))
        );
    }

    #[test]
    fn keys_to_escape_long_keys_and_deep_nesting() {
        let keys = BTreeMap::from([
            ("引\"号\n".to_owned(), 1),
            ("a\\b".to_owned(), 2),
            ("a long key ".repeat(20), 3),
        ]);
        assert_eq!(super::to_string_pretty(&keys).unwrap(), via_value(&keys));
        let mut deep = serde_json::json!({ "leaf": "值" });
        for depth in 0..70 {
            deep = serde_json::json!({ "level": depth, "inner": deep });
        }
        assert_eq!(super::to_string_pretty(&deep).unwrap(), via_value(&deep));
    }

    /// Each string as `serde_json::to_string` writes it.
    fn assert_escaped_as_serde_json(s: &str) {
        let mut out = Vec::new();
        super::write_str(&mut out, s).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(s).unwrap(),
            "{s:?}"
        );
    }

    #[test]
    fn every_ascii_character_escaped_as_serde_json_does() {
        for c in (0u8..0x80).map(char::from) {
            assert_escaped_as_serde_json(&c.to_string());
            // Before, inside and after a run of sixteen clean bytes.
            assert_escaped_as_serde_json(&format!("指标{c}值 sixteen bytes!!{c}{c}"));
        }
        for s in ["", "值", "\u{7f}\u{80}\u{2028}\u{feff}", "\\\"\n\u{1b}"] {
            assert_escaped_as_serde_json(s);
        }
    }

    proptest::proptest! {
        /// As serde_json on texts of the bytes it escapes, one that it does
        /// not (U+007F), Chinese and ASCII, long and short.
        #[test]
        fn strings_escaped_as_serde_json_does(s in "(\"|\\\\|\n|\r|\t|\u{1}|\u{1f}|\u{7f}|值|指标|a| |0123456789abcdef){0,40}") {
            assert_escaped_as_serde_json(&s);
        }
    }

    #[test]
    fn a_report_reads_the_same_as_through_a_value() {
        let text = include_str!("../tests/fixtures/seed.txt");
        let report = crate::check_text(text, &crate::Config::default());
        let mut streamed = Vec::new();
        crate::export::write_file_json(&mut streamed, "seed.txt", &report, Some(&"utf-8"), 0)
            .unwrap();
        let mut value =
            serde_json::to_value(crate::export::FileReport::new("seed.txt", &report)).unwrap();
        value["source"] = serde_json::Value::from("utf-8");
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
