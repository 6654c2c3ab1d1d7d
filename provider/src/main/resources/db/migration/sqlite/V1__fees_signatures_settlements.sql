-- Amounts are uint256 neuron kept as decimal text: SQLite has no exact type that wide.
-- Times are Unix milliseconds.

CREATE TABLE settlement_batch (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_address     TEXT    NOT NULL,
    provider_address TEXT    NOT NULL,
    total_fee        TEXT    NOT NULL,
    requests_hash    TEXT    NOT NULL,
    nonce            TEXT    NOT NULL,
    signature        TEXT    NOT NULL,
    record_count     INTEGER NOT NULL,
    from_block       INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    tx_hash          TEXT,
    status           TEXT,
    shortfall        TEXT    NOT NULL DEFAULT '0',
    detail           TEXT    NOT NULL DEFAULT '',
    created_at_ms    INTEGER NOT NULL,
    updated_at_ms    INTEGER NOT NULL
);
CREATE INDEX settlement_batch_state ON settlement_batch (state, id);
CREATE INDEX settlement_batch_user ON settlement_batch (user_address, id);

CREATE TABLE fee_record (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    request_hash   TEXT    NOT NULL UNIQUE,
    user_address   TEXT    NOT NULL,
    input_fee      TEXT    NOT NULL,
    output_fee     TEXT    NOT NULL,
    fee            TEXT    NOT NULL,
    created_at_ms  INTEGER NOT NULL,
    batch_id       INTEGER REFERENCES settlement_batch (id),
    settled        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX fee_record_user ON fee_record (user_address, settled, batch_id);
CREATE INDEX fee_record_batch ON fee_record (batch_id);

CREATE TABLE response_signature (
    chat_key       TEXT    PRIMARY KEY,
    text           TEXT    NOT NULL,
    signature      TEXT    NOT NULL,
    created_at_ms  INTEGER NOT NULL
);
CREATE INDEX response_signature_age ON response_signature (created_at_ms);
