touch zeta alpha mid Beta
echo *
