unset gone
(echo "${gone-unset}")
