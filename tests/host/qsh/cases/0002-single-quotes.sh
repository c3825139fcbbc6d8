echo 'a  b   c' '$x' 'it''s'
