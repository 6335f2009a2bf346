print("binhai")
