-- CreateTable
CREATE TABLE "check_images" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "transaction_ref" UUID NOT NULL,
    "side" VARCHAR(5) NOT NULL,
    "file_ref" UUID NOT NULL,
    "content_type" VARCHAR(16) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_images_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "check_images_file_ref_key" ON "check_images"("file_ref");

-- CreateIndex
CREATE UNIQUE INDEX "check_images_transaction_ref_side_key" ON "check_images"("transaction_ref", "side");

-- AddForeignKey
ALTER TABLE "check_images" ADD CONSTRAINT "check_images_transaction_ref_fkey" FOREIGN KEY ("transaction_ref") REFERENCES "transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_images" ADD CONSTRAINT "check_images_file_ref_fkey" FOREIGN KEY ("file_ref") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: only the two sides of a check exist.
ALTER TABLE "check_images" ADD CONSTRAINT "check_images_side_check" CHECK ("side" IN ('FRONT', 'BACK'));
