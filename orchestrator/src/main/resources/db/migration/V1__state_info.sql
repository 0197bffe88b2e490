-- Facts about the store itself (first start, last start); keeps data across restarts visible.
CREATE TABLE store_info (
  info_key   VARCHAR(64)  PRIMARY KEY,
  info_value VARCHAR(512) NOT NULL,
  updated_at TIMESTAMP    NOT NULL
);
