print("kartei")
