echo $(( (x=4) + x ))
