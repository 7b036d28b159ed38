// placeholder: implementation follows in the next commit
