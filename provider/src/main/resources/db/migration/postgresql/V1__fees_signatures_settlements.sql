-- Amounts are uint256 neuron: NUMERIC(78,0) holds every uint256 exactly. Times are Unix milliseconds.

CREATE TABLE settlement_batch (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_address     TEXT          NOT NULL,
    provider_address TEXT          NOT NULL,
    total_fee        NUMERIC(78,0) NOT NULL,
    requests_hash    TEXT          NOT NULL,
    nonce            NUMERIC(78,0) NOT NULL,
    signature        TEXT          NOT NULL,
    record_count     INTEGER       NOT NULL,
    from_block       BIGINT        NOT NULL,
    state            TEXT          NOT NULL,
    tx_hash          TEXT,
    status           TEXT,
    shortfall        NUMERIC(78,0) NOT NULL DEFAULT 0,
    detail           TEXT          NOT NULL DEFAULT '',
    created_at_ms    BIGINT        NOT NULL,
    updated_at_ms    BIGINT        NOT NULL
);
CREATE INDEX settlement_batch_state ON settlement_batch (state, id);
CREATE INDEX settlement_batch_user ON settlement_batch (user_address, id);

CREATE TABLE fee_record (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_hash   TEXT          NOT NULL UNIQUE,
    user_address   TEXT          NOT NULL,
    input_fee      NUMERIC(78,0) NOT NULL,
    output_fee     NUMERIC(78,0) NOT NULL,
    fee            NUMERIC(78,0) NOT NULL,
    created_at_ms  BIGINT        NOT NULL,
    batch_id       BIGINT REFERENCES settlement_batch (id),
    settled        BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX fee_record_user ON fee_record (user_address, settled, batch_id);
CREATE INDEX fee_record_batch ON fee_record (batch_id);

CREATE TABLE response_signature (
    chat_key       TEXT   PRIMARY KEY,
    text           TEXT   NOT NULL,
    signature      TEXT   NOT NULL,
    created_at_ms  BIGINT NOT NULL
);
CREATE INDEX response_signature_age ON response_signature (created_at_ms);
