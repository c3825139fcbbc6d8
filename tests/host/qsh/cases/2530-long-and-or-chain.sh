true && true && false || echo recovered && echo continued
